package dev.pagewalk.conformance;

import dev.pagewalk.Plan;
import dev.pagewalk.RunResult;
import dev.pagewalk.SpecException;
import dev.pagewalk.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pagewalk test --update}: runs a case and rewrites its expectations from what the run
 * produced, as snapshot-testing tools do. Rewritten are the files {@code expect.records} and {@code
 * expect.keys} name (one compact JSON value per line, in the order delivered) and the counts {@code
 * case.yaml} already states ({@link CaseYamlCounts}). Never rewritten: stop reason, error messages,
 * verdicts, checks, reasons and advice — they state what the case is about, so a case that still
 * fails on them after an update fails as before. Nothing is written when the case cannot be read,
 * its spec does not load, or the run threw before it finished.
 */
final class CaseUpdater {
  private CaseUpdater() {}

  /** Runs the case in {@code dir} and rewrites it; returns one line per file changed. */
  static List<String> update(Path dir, String name) {
    ConformanceCase c;
    Plan plan;
    try {
      c = CaseLoader.load(dir, name);
      if (c.expect().expectsSpecError()) {
        return List.of();
      }
      plan = CaseRunner.loadSpec(c);
    } catch (CaseFormatException | SpecException e) {
      return List.of();
    }
    Observed seen = CaseRunner.execute(c, plan);
    if (seen.result() == null && seen.streams() == null) {
      return List.of();
    }
    List<String> changed = new ArrayList<>();
    jsonLines(dir, c.expect().records(), seen.records(), "records", changed);
    jsonLines(dir, c.expect().keys(), seen.keys(), "keys", changed);
    if (seen.result() != null) {
      counts(dir.resolve(CaseLoader.CASE_FILE), seen.result(), changed);
    }
    return changed;
  }

  private static void jsonLines(
      Path dir, Path file, List<Object> values, String what, List<String> changed) {
    if (file == null) {
      return;
    }
    StringBuilder text = new StringBuilder();
    values.forEach(v -> text.append(JsonValues.render(v)).append('\n'));
    if (write(file, text.toString())) {
      changed.add(dir.relativize(file) + " (" + values.size() + " " + what + ")");
    }
  }

  private static void counts(Path caseFile, RunResult result, List<String> changed) {
    CaseYamlCounts.Rewrite r = CaseYamlCounts.rewrite(read(caseFile), path -> actual(path, result));
    if (!r.changes().isEmpty() && write(caseFile, r.text())) {
      changed.add(
          caseFile.getFileName()
              + " ("
              + String.join(", ", r.changes().stream().map(Object::toString).toList())
              + ")");
    }
  }

  /** The actual count at a path under {@code expect}, or null when the run has none. */
  private static Long actual(String path, RunResult result) {
    RunReport report = result.report();
    String[] p = path.split("\\.", 3);
    return switch (p[0]) {
      case "requests" -> result.stats().requests();
      case "result" -> ResultFields.of(result).get(p[1]) instanceof Number n ? n.longValue() : null;
      case "report" -> report == null ? null : reportCount(report, p);
      default -> null;
    };
  }

  private static Long reportCount(RunReport report, String[] p) {
    Map<String, Long> counts =
        switch (p[1]) {
          case "pages" -> Map.of("", report.pages());
          case "records" -> report.records();
          case "requests" -> report.requests();
          case "waits" -> report.waits();
          default -> Map.of();
        };
    return counts.get(p.length > 2 ? p[2] : "");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} unless the file already holds it; true when it wrote. */
  private static boolean write(Path file, String text) {
    try {
      if (Files.isRegularFile(file)
          && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        return false;
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
    }
  }
}
