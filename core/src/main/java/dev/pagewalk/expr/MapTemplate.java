package dev.pagewalk.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A map with templates as values; entries whose value evaluates to null are left out. The entries
 * are kept as parallel arrays, so evaluating one (once per record for an {@code output}) walks no
 * iterator. When every value is a path from the same variable — an {@code output} of {@code item.*}
 * fields — the variable is looked up once per evaluation, not once per entry.
 */
final class MapTemplate implements Template {
  private final Map<String, Template> entries;
  private final String[] keys;
  private final Template[] values;

  /** The values' accessors when all are paths from {@link #root}; else null. */
  private final PathAccessor[] paths;

  private final String root;

  MapTemplate(Map<String, Template> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.keys = this.entries.keySet().toArray(new String[0]);
    this.values = this.entries.values().toArray(new Template[0]);
    PathAccessor[] found = new PathAccessor[values.length];
    String variable = null;
    for (int i = 0; i < values.length && found != null; i++) {
      PathAccessor p = values[i] instanceof ExpressionTemplate e ? e.expression().path() : null;
      // uuid is fresh on every use, so it must be looked up per entry
      if (p == null
          || p.variable().equals("uuid")
          || (variable != null && !variable.equals(p.variable()))) {
        found = null;
      } else {
        found[i] = p;
        variable = p.variable();
      }
    }
    this.paths = found == null || found.length == 0 ? null : found;
    this.root = paths == null ? null : variable;
  }

  Map<String, Template> entries() {
    return entries;
  }

  @Override
  public Object evaluate(Bindings bindings) {
    if (paths != null) {
      return from(bindings.variable(root));
    }
    Map<String, Object> out = new LinkedHashMap<>((int) (keys.length / 0.75f) + 1);
    for (int i = 0; i < keys.length; i++) {
      Object value = values[i].evaluate(bindings);
      if (value != null) {
        out.put(keys[i], value);
      }
    }
    return out;
  }

  @Override
  public Function<Object, Object> asFunctionOf(String variable) {
    return paths != null && root.equals(variable) ? this::from : null;
  }

  /** The map, every value a path from {@code value}, the value of {@link #root}. */
  private Map<String, Object> from(Object value) {
    Map<String, Object> out = new LinkedHashMap<>((int) (keys.length / 0.75f) + 1);
    for (int i = 0; i < keys.length; i++) {
      Object v = paths[i].from(value);
      if (v != null) {
        out.put(keys[i], v);
      }
    }
    return out;
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
