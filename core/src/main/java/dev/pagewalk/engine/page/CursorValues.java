package dev.pagewalk.engine.page;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Compares incremental cursor values: timestamps as instants (whatever their offset notation),
 * numbers by value, other text by code point; pairs {@code (cursor, tieBreaker)} lexicographic.
 */
public final class CursorValues {
  private CursorValues() {}

  static int comparePairs(List<Object> a, List<Object> b) {
    int c = compare(a.get(0), b.get(0));
    return c != 0 ? c : compare(a.get(1), b.get(1));
  }

  static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    Instant ia = instant(a);
    Instant ib = instant(b);
    if (ia != null && ib != null) {
      return ia.compareTo(ib);
    }
    return a.toString().compareTo(b.toString());
  }

  static Instant instant(Object v) {
    if (!(v instanceof String s) || s.length() < 10 || !Character.isDigit(s.charAt(0))) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
