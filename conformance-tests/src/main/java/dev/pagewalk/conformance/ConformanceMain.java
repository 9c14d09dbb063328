package dev.pagewalk.conformance;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line entry point (also behind {@code pagewalk test DIR...}): runs every case found under
 * the given folders, prints {@code PASS name} or {@code FAIL name} with a readable diff per case,
 * then a summary line. Exit status 0 when every case passed, 1 when one failed, 2 when no case was
 * found.
 */
public final class ConformanceMain {
  private ConformanceMain() {}

  public static void main(String... dirs) {
    List<Path> paths = new ArrayList<>();
    for (String d : dirs) {
      paths.add(Path.of(d));
    }
    System.exit(run(paths.isEmpty() ? List.of(Path.of(".")) : paths, System.out));
  }

  /** Runs the cases under {@code dirs}, reporting to {@code out}; returns the exit status. */
  public static int run(List<Path> dirs, PrintStream out) {
    return run(dirs, out, false);
  }

  /**
   * Runs the cases under {@code dirs}; with {@code update}, a failing case's expected records and
   * counts are first rewritten from its actual run ({@code UPDATED name: file (what)} is printed)
   * and the case is run again, so it passes unless it fails on what an update never rewrites.
   */
  public static int run(List<Path> dirs, PrintStream out, boolean update) {
    List<CaseFinder.Found> cases = new ArrayList<>();
    for (Path dir : dirs) {
      cases.addAll(CaseFinder.find(dir));
    }
    if (cases.isEmpty()) {
      out.println("no case.yaml found under " + dirs);
      return 2;
    }
    CaseRunner runner = new CaseRunner();
    long started = System.nanoTime();
    List<String> failed = new ArrayList<>();
    int updated = 0;
    for (CaseFinder.Found found : cases) {
      CaseResult result = runner.run(found.dir(), found.name());
      if (update && !result.passed()) {
        List<String> changed = CaseUpdater.update(found.dir(), found.name());
        if (!changed.isEmpty()) {
          updated++;
          out.println("UPDATED " + found.name() + ": " + String.join("; ", changed));
          result = runner.run(found.dir(), found.name());
        }
      }
      out.print(result.passed() ? "PASS " + found.name() + "\n" : result.report());
      out.flush();
      if (!result.passed()) {
        failed.add(found.name());
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    out.println();
    out.printf(
        "%d %s: %d passed, %d failed%s (%.1fs)%n",
        cases.size(),
        cases.size() == 1 ? "case" : "cases",
        cases.size() - failed.size(),
        failed.size(),
        update ? ", " + updated + " updated" : "",
        millis / 1000.0);
    failed.forEach(name -> out.println("  failed: " + name));
    return failed.isEmpty() ? 0 : 1;
  }
}
