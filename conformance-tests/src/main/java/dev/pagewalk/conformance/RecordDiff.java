package dev.pagewalk.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares expected record values with the ones a run delivered and explains the difference in a
 * few readable lines: the counts, the first record that differs (with the JSON path of the first
 * differing member), then records missing and records extra. Numbering is 1-based, as the lines of
 * an expected {@code .jsonl} file.
 */
final class RecordDiff {
  private static final int SHOWN = 10;

  private RecordDiff() {}

  /** Empty when the records match; otherwise the explanation, one line per element. */
  static List<String> explain(
      String what, List<Object> expected, List<Object> actual, boolean ordered) {
    List<String> out = new ArrayList<>();
    boolean same =
        ordered
            ? sameInOrder(expected, actual)
            : missing(expected, actual).isEmpty() && missing(actual, expected).isEmpty();
    if (same) {
      return out;
    }
    out.add(
        what
            + " differ: expected "
            + expected.size()
            + ", got "
            + actual.size()
            + (ordered ? "" : " (order ignored)"));
    if (ordered) {
      firstDifference(what, expected, actual, out);
    }
    list("missing (expected, not received):", missing(expected, actual), out);
    list("extra (received, not expected):", missing(actual, expected), out);
    return out;
  }

  private static boolean sameInOrder(List<Object> expected, List<Object> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!JsonValues.same(expected.get(i), actual.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static void firstDifference(
      String what, List<Object> expected, List<Object> actual, List<String> out) {
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      String path = JsonValues.firstDifference(expected.get(i), actual.get(i));
      if (path != null) {
        out.add(
            "  first difference at "
                + what.replaceAll("s$", "")
                + " "
                + (i + 1)
                + ("$".equals(path) ? "" : ", at " + path)
                + ":");
        out.add("    expected: " + JsonValues.render(expected.get(i)));
        out.add("    actual:   " + JsonValues.render(actual.get(i)));
        return;
      }
    }
  }

  /** The records of {@code from} (numbered) that {@code other} lacks, counting duplicates. */
  private static List<String> missing(List<Object> from, List<Object> other) {
    List<Object> pool = new ArrayList<>(other);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      Object v = from.get(i);
      int at = indexOf(pool, v);
      if (at >= 0) {
        pool.remove(at);
      } else {
        out.add("#" + (i + 1) + " " + JsonValues.render(v));
      }
    }
    return out;
  }

  private static int indexOf(List<Object> pool, Object v) {
    for (int i = 0; i < pool.size(); i++) {
      if (JsonValues.same(v, pool.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void list(String title, List<String> items, List<String> out) {
    if (items.isEmpty()) {
      return;
    }
    out.add("  " + title);
    items.stream().limit(SHOWN).forEach(s -> out.add("    " + s));
    if (items.size() > SHOWN) {
      out.add("    ... and " + (items.size() - SHOWN) + " more");
    }
  }
}
