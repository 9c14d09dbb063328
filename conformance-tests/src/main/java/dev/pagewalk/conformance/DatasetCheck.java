package dev.pagewalk.conformance;

import dev.pagewalk.conformance.livedata.Expectation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds the ids a live-data run delivered against the mock's own account of its dataset ({@code
 * expect.dataset}): {@code exact} — every id that existed throughout, none twice, none that never
 * existed; ids inserted or deleted during the run may be there or not (once). {@code mustContain} —
 * the same, but duplicates allowed. {@code missing} — the run must have missed an id that existed
 * throughout (a case proving drift).
 */
final class DatasetCheck {
  private static final int SHOWN = 10;

  private DatasetCheck() {}

  /** Empty when the expectation holds; otherwise one problem: a headline and detail lines. */
  static List<String> check(
      String mode, String idField, List<Object> records, Expectation dataset) {
    List<String> ids = new ArrayList<>();
    List<String> noId = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String id = idOf(records.get(i), idField);
      if (id == null) {
        noId.add("#" + (i + 1) + " " + JsonValues.render(records.get(i)));
      } else {
        ids.add(id);
      }
    }
    Expectation.Verdict v = dataset.verify(ids);
    List<String> lines = new ArrayList<>();
    boolean ok =
        switch (mode) {
          case "exact" -> v.complete() && v.duplicates().isEmpty() && noId.isEmpty();
          case "mustContain" -> v.complete() && noId.isEmpty();
          default -> !v.missing().isEmpty();
        };
    if (ok) {
      return List.of();
    }
    if ("missing".equals(mode)) {
      lines.add(
          "dataset: expected the run to miss records, but it read every one of the "
              + dataset.mustContain().size()
              + " that existed throughout");
    } else {
      lines.add(
          "dataset: expected "
              + ("exact".equals(mode) ? "each id exactly once" : "every id")
              + " of the "
              + dataset.mustContain().size()
              + " that existed throughout"
              + (dataset.mayContain().isEmpty()
                  ? ""
                  : " ("
                      + dataset.mayContain().size()
                      + " inserted or deleted during the run may appear)")
              + "; got "
              + ids.size()
              + " ids, "
              + new java.util.HashSet<>(ids).size()
              + " distinct");
    }
    list("missing (existed throughout, not delivered)", v.missing(), lines);
    if ("exact".equals(mode)) {
      list("delivered more than once", v.duplicates(), lines);
    }
    list("never existed", v.unexpected(), lines);
    list("without a '" + idField + "' field", noId, lines);
    return List.of(String.join("\n", lines));
  }

  /** The id in its wire text form, as the mock renders it ({@code 42}, {@code item-000042}). */
  private static String idOf(Object record, String field) {
    if (!(record instanceof Map<?, ?> m) || m.get(field) == null) {
      return null;
    }
    Object id = m.get(field);
    if (id instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(id);
  }

  private static void list(String title, List<String> items, List<String> out) {
    if (items.isEmpty()) {
      return;
    }
    String shown = String.join(", ", items.subList(0, Math.min(SHOWN, items.size())));
    out.add(
        "  " + title + " (" + items.size() + "): " + shown + (items.size() > SHOWN ? ", ..." : ""));
  }
}
