package dev.pagewalk.audit;

import dev.pagewalk.report.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers completeness evidence page by page — the API's total and whether it changed, the declared
 * order across page boundaries, keys seen again at a boundary (the signature of offset drift),
 * sequential ids — and turns it into checks. Memory: a bit per sequential id, a few samples per
 * check; nothing per record otherwise. Confined to the run's thread.
 */
public final class Auditor {
  private static final int SAMPLES = 10;

  private final boolean keyed;
  private final boolean totalDeclared;
  private final boolean orderDeclared;
  private final SequentialIds sequential;
  private Object firstTotal;
  private Object lastTotal;
  private final List<Map<String, Object>> totalChanges = new ArrayList<>();
  private List<Object> previousLast;
  private long previousPage;
  private long orderViolations;
  private final List<Map<String, Object>> orderSamples = new ArrayList<>();
  private long duplicates;
  private final List<Map<String, Object>> duplicateSamples = new ArrayList<>();

  public Auditor(
      boolean keyed, boolean totalDeclared, boolean orderDeclared, boolean sequentialDeclared) {
    this.keyed = keyed;
    this.totalDeclared = totalDeclared;
    this.orderDeclared = orderDeclared;
    this.sequential = sequentialDeclared ? new SequentialIds() : null;
  }

  public void page(PageFacts f) {
    if (totalDeclared && f.total() != null) {
      if (firstTotal == null) {
        firstTotal = f.total();
      } else if (!sameNumber(lastTotal, f.total()) && totalChanges.size() < SAMPLES) {
        totalChanges.add(sample("page", f.page(), "from", lastTotal, "to", f.total()));
      } else if (!sameNumber(lastTotal, f.total())) {
        totalChanges.add(null);
      }
      lastTotal = f.total();
    }
    if (orderDeclared && f.firstOrder() != null) {
      if (previousLast != null && OrderTuples.compare(previousLast, f.firstOrder()) > 0) {
        orderViolations++;
        if (orderSamples.size() < SAMPLES) {
          orderSamples.add(
              sample(
                  "pages",
                  previousPage + "→" + f.page(),
                  "lastOfPrevious",
                  previousLast,
                  "firstOfNext",
                  f.firstOrder()));
        }
      }
      previousLast = f.lastOrder();
      previousPage = f.page();
    }
    if (!f.duplicateKeys().isEmpty()) {
      duplicates += f.duplicateKeys().size();
      if (duplicateSamples.size() < SAMPLES) {
        duplicateSamples.add(
            sample(
                "page",
                f.page(),
                "keys",
                f.duplicateKeys().subList(0, Math.min(5, f.duplicateKeys().size()))));
      }
    }
    if (sequential != null) {
      f.sequentialIds().forEach(sequential::add);
    }
  }

  /** The checks, given how the run ended and how many distinct records it collected. */
  public List<Check> checks(long distinctCollected, boolean truncated) {
    List<Check> checks = new ArrayList<>();
    checks.add(totalCheck(distinctCollected, truncated));
    checks.add(orderCheck());
    checks.add(driftCheck());
    checks.add(sequentialCheck(truncated));
    return checks;
  }

  /** Duplicates at page boundaries, a total that changed, or the declared order broken. */
  public boolean driftDetected() {
    return duplicates > 0 || !totalChanges.isEmpty() || orderViolations > 0;
  }

  public boolean hasEvidence() {
    return totalDeclared || orderDeclared || sequential != null;
  }

  private Check totalCheck(long collected, boolean truncated) {
    if (!totalDeclared) {
      return new Check(
          Check.Kind.TOTAL, Check.Outcome.NOT_APPLICABLE, "the spec declares no audit.total", null);
    }
    if (lastTotal == null) {
      return new Check(
          Check.Kind.TOTAL, Check.Outcome.FAIL, "audit.total gave no number on any page", null);
    }
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("apiTotal", lastTotal);
    ev.put("collected", collected);
    if (!totalChanges.isEmpty()) {
      ev.put("changes", totalChanges.stream().filter(java.util.Objects::nonNull).toList());
      return new Check(
          Check.Kind.TOTAL,
          Check.Outcome.FAIL,
          "the API's total changed between pages ("
              + firstTotal
              + " → "
              + lastTotal
              + "): the data moved during the run",
          ev);
    }
    if (truncated) {
      return new Check(
          Check.Kind.TOTAL,
          Check.Outcome.NOT_APPLICABLE,
          "run truncated: collected " + collected + " of the API's " + lastTotal,
          ev);
    }
    if (lastTotal instanceof String text) {
      return new Check(Check.Kind.TOTAL, Check.Outcome.FAIL, textTotal(text, collected), ev);
    }
    boolean ok = sameNumber(lastTotal, collected);
    return new Check(
        Check.Kind.TOTAL,
        ok ? Check.Outcome.PASS : Check.Outcome.FAIL,
        "API total " + lastTotal + (ok ? " = " : " ≠ ") + collected + " distinct records collected",
        ev);
  }

  /**
   * A total read as text (a header, a quoted JSON number) is a spec mistake even when it reads like
   * the count: the check fails and says how to read a number.
   */
  private static String textTotal(String text, long collected) {
    java.math.BigDecimal number;
    try {
      number = new java.math.BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return "the API's total is the text '"
          + text
          + "', not a number; "
          + collected
          + " records were counted — audit.total must give a number";
    }
    boolean same = number.compareTo(java.math.BigDecimal.valueOf(collected)) == 0;
    return "the API's total is the text '"
        + text
        + "' "
        + (same ? "but " : "and ")
        + collected
        + " records were counted — use parseNumber(...) in audit.total"
        + (same ? "" : " to compare numbers");
  }

  private Check orderCheck() {
    if (!orderDeclared) {
      return new Check(
          Check.Kind.ORDER, Check.Outcome.NOT_APPLICABLE, "the spec declares no sync.order", null);
    }
    if (orderViolations == 0) {
      return new Check(
          Check.Kind.ORDER,
          Check.Outcome.PASS,
          "every page boundary kept the declared order",
          null);
    }
    return new Check(
        Check.Kind.ORDER,
        Check.Outcome.FAIL,
        orderViolations + " page boundaries broke the declared order: evidence of drift",
        Map.of("violations", orderViolations, "samples", orderSamples));
  }

  private Check driftCheck() {
    if (!keyed) {
      return new Check(
          Check.Kind.BOUNDARY_DUPLICATES,
          Check.Outcome.NOT_APPLICABLE,
          "the spec declares no response.key",
          null);
    }
    if (duplicates == 0) {
      return new Check(
          Check.Kind.BOUNDARY_DUPLICATES,
          Check.Outcome.PASS,
          "no key came back on a later page",
          null);
    }
    return new Check(
        Check.Kind.BOUNDARY_DUPLICATES,
        Check.Outcome.FAIL,
        duplicates
            + " records came back on a later page: records shifted between pages (offset drift),"
            + " so others may have been skipped",
        Map.of("duplicates", duplicates, "samples", duplicateSamples));
  }

  private Check sequentialCheck(boolean truncated) {
    if (sequential == null) {
      return new Check(
          Check.Kind.SEQUENTIAL_ID,
          Check.Outcome.NOT_APPLICABLE,
          "the spec declares no audit.sequentialId",
          null);
    }
    return sequential.check(truncated);
  }

  private static boolean sameNumber(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new java.math.BigDecimal(x.toString())
              .compareTo(new java.math.BigDecimal(y.toString()))
          == 0;
    }
    return java.util.Objects.equals(a, b);
  }

  private static Map<String, Object> sample(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
