package dev.pagewalk.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A map with templates as values; entries whose value evaluates to null are left out. */
record MapTemplate(Map<String, Template> entries) implements Template {
  MapTemplate {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  @Override
  public Object evaluate(Bindings bindings) {
    Map<String, Object> out = new LinkedHashMap<>(entries.size() * 2);
    for (Map.Entry<String, Template> e : entries.entrySet()) {
      Object value = e.getValue().evaluate(bindings);
      if (value != null) {
        out.put(e.getKey(), value);
      }
    }
    return out;
  }

  @Override
  public boolean isConstant() {
    return false;
  }
}
