package dev.pagewalk.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map with templates as values; entries whose value evaluates to null are left out. The
 * entries are kept as parallel arrays, so evaluating one (once per record for an {@code output})
 * walks no iterator.
 */
final class MapTemplate implements Template {
  private final Map<String, Template> entries;
  private final String[] keys;
  private final Template[] values;

  MapTemplate(Map<String, Template> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.keys = this.entries.keySet().toArray(new String[0]);
    this.values = this.entries.values().toArray(new Template[0]);
  }

  Map<String, Template> entries() {
    return entries;
  }

  @Override
  public Object evaluate(Bindings bindings) {
    Map<String, Object> out = new LinkedHashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      Object value = values[i].evaluate(bindings);
      if (value != null) {
        out.put(keys[i], value);
      }
    }
    return out;
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
