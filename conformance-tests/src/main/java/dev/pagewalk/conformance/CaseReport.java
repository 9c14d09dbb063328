package dev.pagewalk.conformance;

import dev.pagewalk.RunResult;
import java.util.List;

/**
 * Renders a case's verdict for people: the problems, then how the run ended, then every request the
 * mock API received, numbered, with its status and unmatched ones marked. Contains nothing that
 * changes between runs (no ports, no times), so a report can be pinned in a test.
 */
final class CaseReport {
  private CaseReport() {}

  static String render(String name, String description, List<String> problems, Observed seen) {
    StringBuilder out = new StringBuilder();
    out.append(problems.isEmpty() ? "PASS " : "FAIL ").append(name);
    if (description != null && !description.isBlank()) {
      out.append("  (").append(description.strip()).append(')');
    }
    out.append('\n');
    if (problems.isEmpty()) {
      return out.toString();
    }
    for (String p : problems) {
      out.append("  * ").append(p.replace("\n", "\n    ")).append('\n');
    }
    if (seen != null) {
      run(seen, out);
      requests(seen.served(), seen.answers(), out);
    }
    return out.toString();
  }

  private static void run(Observed seen, StringBuilder out) {
    if (seen.streams() != null) {
      streams(seen, out);
      return;
    }
    RunResult r = seen.result();
    if (r == null) {
      out.append("  run: threw before finishing: ")
          .append(indent(seen.shown(seen.failure())))
          .append('\n');
      return;
    }
    out.append("  run: stopped by ")
        .append(r.stopReason().wireName())
        .append(" after ")
        .append(r.stats().requests())
        .append(plural(r.stats().requests(), " request"))
        .append(", ")
        .append(r.stats().pages())
        .append(plural(r.stats().pages(), " page"))
        .append(", ")
        .append(r.stats().recordsEmitted())
        .append(plural(r.stats().recordsEmitted(), " record"))
        .append(" emitted");
    if (r.stats().retries() > 0) {
      out.append(", ")
          .append(r.stats().retries())
          .append(plural(r.stats().retries(), " retry", " retries"));
    }
    out.append('\n');
    if (seen.failure() != null) {
      out.append("       failure: ").append(indent(seen.shown(seen.failure()))).append('\n');
    }
  }

  /** A connector run: its verdict, then per stream its verdict, counts and failed walks. */
  private static void streams(Observed seen, StringBuilder out) {
    out.append("  run: ").append(seen.streams().verdict()).append('\n');
    for (dev.pagewalk.StreamsResult.StreamResult s : seen.streams().streams()) {
      out.append("    stream ")
          .append(s.name())
          .append(": ")
          .append(s.verdict())
          .append(", ")
          .append(s.walks().size())
          .append(plural(s.walks().size(), " walk"))
          .append(", ")
          .append(s.records())
          .append(plural(s.records(), " record"))
          .append(", ")
          .append(s.requests())
          .append(plural(s.requests(), " request"))
          .append('\n');
      for (dev.pagewalk.StreamsResult.WalkResult w : s.walks()) {
        if (w.failure() != null) {
          out.append("      walk ")
              .append(w.walk())
              .append(" failed: ")
              .append(indent(seen.shown(w.failure())))
              .append('\n');
        }
      }
    }
  }

  private static void requests(
      List<ServedRequest> served, List<String> answers, StringBuilder out) {
    if (served.isEmpty()) {
      out.append("  requests made: none\n");
      return;
    }
    out.append("  requests made (").append(served.size()).append("):\n");
    int width = String.valueOf(served.size()).length();
    for (int i = 0; i < served.size(); i++) {
      ServedRequest s = served.get(i);
      out.append("    ")
          .append(String.format("%" + width + "d", i + 1))
          .append(". ")
          .append(
              answers == null || i >= answers.size() ? String.valueOf(s.status()) : answers.get(i))
          .append("  ")
          .append(s.describe());
      if (!s.matched()) {
        out.append("   <- unmatched");
      }
      out.append('\n');
    }
  }

  private static String indent(String text) {
    return String.valueOf(text).replace("\n", "\n         ");
  }

  private static String plural(long n, String one) {
    return plural(n, one, one + "s");
  }

  private static String plural(long n, String one, String many) {
    return n == 1 ? one : many;
  }
}
