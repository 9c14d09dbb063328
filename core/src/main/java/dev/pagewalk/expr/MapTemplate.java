package dev.pagewalk.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A map with templates as values, and names that may be templates too ({@code
 * "{{parameters.page_param}}": 2}, rendered as text); entries whose value evaluates to null are
 * left out. The entries are kept as parallel arrays, so evaluating one (once per record for an
 * {@code output}) walks no iterator. When every value is a path from the same variable — an {@code
 * output} of {@code item.*} fields — the variable is looked up once per evaluation, not once per
 * entry.
 */
final class MapTemplate implements Template {
  private final Map<String, Template> entries;
  private final String[] keys;
  private final Template[] values;

  /** The templated names, by entry; null when every name is plain text. */
  private final Template[] names;

  /** The values' accessors when all are paths from {@link #root}; else null. */
  private final PathAccessor[] paths;

  private final String root;

  MapTemplate(Map<String, Template> entries) {
    this(entries, Map.of());
  }

  /** {@code names}: the entries whose name is a template, by their name as written. */
  MapTemplate(Map<String, Template> entries, Map<String, Template> names) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.keys = this.entries.keySet().toArray(new String[0]);
    this.values = this.entries.values().toArray(new Template[0]);
    Template[] templated = new Template[keys.length];
    for (int i = 0; i < keys.length; i++) {
      templated[i] = names.get(keys[i]);
    }
    this.names = names.isEmpty() ? null : templated;
    PathAccessor[] found = names.isEmpty() ? new PathAccessor[values.length] : null;
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

  /** The templates of the names that are templates. */
  List<Template> nameTemplates() {
    return names == null
        ? List.of()
        : java.util.Arrays.stream(names).filter(java.util.Objects::nonNull).toList();
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
        out.put(name(i, bindings), value);
      }
    }
    return out;
  }

  private String name(int i, Bindings bindings) {
    if (names == null || names[i] == null) {
      return keys[i];
    }
    Object name = names[i].evaluate(bindings);
    return name == null ? "" : Values.toText(name);
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
