package dev.pagewalk.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A value as a hash key under the language's equality ({@link Values#equal}): numbers by value
 * ({@code 1} and {@code 1.0} give equal keys), lists and maps deeply. Lets {@code distinct} and
 * {@code remove} run in linear time instead of comparing every pair.
 */
final class EqualityKey {
  private EqualityKey() {}

  static Object of(Object value) {
    if (value instanceof Number n) {
      BigDecimal d = Numbers.decimal(n);
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(of(x)));
      return out;
    }
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new HashMap<>();
      m.forEach((k, v) -> out.put(k, of(v)));
      return out;
    }
    return value;
  }
}
