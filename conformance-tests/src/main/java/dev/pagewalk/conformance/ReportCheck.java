package dev.pagewalk.conformance;

import dev.pagewalk.report.Check;
import dev.pagewalk.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Compares a run's completeness report with {@code expect.report}, field by field. A mismatch is
 * one problem: a line per field that differs, then the report as {@link RunReport#summary()} prints
 * it, so the case author sees both what was wanted and what the engine concluded.
 */
final class ReportCheck {
  private final List<String> lines = new ArrayList<>();
  private final UnaryOperator<String> shown;
  private final UnaryOperator<String> withBaseUrl;

  private ReportCheck(UnaryOperator<String> shown, UnaryOperator<String> withBaseUrl) {
    this.shown = shown;
    this.withBaseUrl = withBaseUrl;
  }

  /**
   * Empty when the report matches. {@code withBaseUrl} turns {@code ${baseUrl}} in expected text
   * into the mock's address; {@code shown} turns the address in actual text back.
   */
  static List<String> check(
      ReportExpectation want,
      RunReport report,
      UnaryOperator<String> withBaseUrl,
      UnaryOperator<String> shown) {
    if (report == null) {
      return List.of("report: expected " + want + ", but the run threw before finishing");
    }
    ReportCheck c = new ReportCheck(shown, withBaseUrl);
    c.value("verdict", want.verdict(), report.verdict().name());
    c.value("stopReason", want.stopReason(), report.stopReason().wireName());
    c.counts("records", want.records(), report.records());
    c.counts("requests", want.requests(), report.requests());
    c.value("pages", want.pages(), report.pages());
    c.counts("waits", want.waits(), report.waits());
    c.exactList("reasons", want.reasons(), report.reasons());
    c.contains("reasonsContain", "reasons", want.reasonsContain(), report.reasons());
    c.exactList("advice", want.advice(), report.advice());
    c.exactList("caveats", want.caveats(), report.caveats());
    c.contains("adviceContains", "advice", want.adviceContains(), report.advice());
    c.checks(want.checks(), report.checks());
    c.value("walks", want.walks(), report.walks() == null ? 0L : (long) report.walks().size());
    if (c.lines.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("report differs:");
    c.lines.forEach(l -> out.add("  " + l));
    out.add("  the report said:");
    for (String l : shown.apply(report.summary()).split("\n")) {
      out.add("    " + l.strip());
    }
    return List.of(String.join("\n", out));
  }

  private void value(String name, Object want, Object got) {
    if (want != null && !JsonValues.same(want, got)) {
      lines.add("report." + name + ": expected " + want + ", got " + got);
    }
  }

  private void counts(String name, Map<String, Long> want, Map<String, Long> got) {
    want.forEach(
        (k, v) -> {
          if (!got.containsKey(k)) {
            lines.add(
                "report."
                    + name
                    + "."
                    + k
                    + ": no such count; the report has "
                    + String.join(", ", got.keySet()));
          } else if (!v.equals(got.get(k))) {
            lines.add("report." + name + "." + k + ": expected " + v + ", got " + got.get(k));
          }
        });
  }

  private void exactList(String name, List<String> want, List<String> got) {
    if (want == null) {
      return;
    }
    List<String> expected = want.stream().map(withBaseUrl).toList();
    if (expected.equals(got)) {
      return;
    }
    lines.add(
        "report."
            + name
            + ": expected "
            + describe(want)
            + "\n    got "
            + describe(got.stream().map(shown).toList()));
  }

  private void contains(String key, String name, List<String> want, List<String> got) {
    for (String part : want) {
      String p = withBaseUrl.apply(part);
      if (got.stream().noneMatch(g -> g.contains(p))) {
        lines.add(
            "report."
                + key
                + ": no "
                + name
                + " entry contains\n      "
                + part
                + "\n    got "
                + describe(got.stream().map(shown).toList()));
      }
    }
  }

  private void checks(Map<String, String> want, List<Check> got) {
    want.forEach(
        (name, outcome) -> {
          Check c =
              got.stream().filter(x -> x.name().wireName().equals(name)).findFirst().orElse(null);
          if (c == null) {
            lines.add(
                "report.checks."
                    + name
                    + ": no such check; the report has "
                    + String.join(", ", got.stream().map(x -> x.name().wireName()).toList()));
          } else if (!outcome.equals(c.outcome().wireName())) {
            lines.add(
                "report.checks."
                    + name
                    + ": expected "
                    + outcome
                    + ", got "
                    + c.outcome()
                    + " ("
                    + shown.apply(c.summary())
                    + ")");
          }
        });
  }

  private static String describe(List<String> items) {
    if (items.isEmpty()) {
      return "none";
    }
    StringBuilder sb =
        new StringBuilder(items.size() + (items.size() == 1 ? " entry:" : " entries:"));
    for (int i = 0; i < items.size(); i++) {
      sb.append("\n      ").append(i + 1).append(". ").append(items.get(i));
    }
    return sb.toString();
  }
}
