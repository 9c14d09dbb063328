package dev.pagewalk.audit;

import java.math.BigDecimal;
import java.util.List;

/** Compares order tuples ({@code sync.order} values): numbers by value, text by code point. */
public final class OrderTuples {
  private OrderTuples() {}

  public static int compare(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareValue(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  public static int compareValue(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (x instanceof Number n && y instanceof Number m) {
      return new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString()));
    }
    return x.toString().compareTo(y.toString());
  }
}
