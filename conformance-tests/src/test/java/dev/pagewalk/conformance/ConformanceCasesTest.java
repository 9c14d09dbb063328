package dev.pagewalk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance case as a JUnit test: the module's {@code cases/} and, when the repo has
 * them, the cases shipped with real specs under {@code specs/**}{@code /cases/}. A failing case
 * fails with the runner's readable report.
 */
class ConformanceCasesTest {
  private static final CaseRunner RUNNER = new CaseRunner();

  @TestFactory
  Stream<DynamicTest> everyCaseHoldsAgainstItsMockApi() {
    List<CaseFinder.Found> cases = new ArrayList<>(CaseFinder.find(Path.of("cases")));
    assertThat(cases).as("cases under conformance-tests/cases").isNotEmpty();
    Path specs = repoRoot().resolve("specs");
    for (CaseFinder.Found found : CaseFinder.find(specs)) {
      if (found.name().contains("/cases/")) {
        cases.add(new CaseFinder.Found("specs/" + found.name(), found.dir()));
      }
    }
    return cases.stream()
        .map(
            found ->
                DynamicTest.dynamicTest(
                    found.name(),
                    found.dir().toUri(),
                    () -> {
                      CaseResult result = RUNNER.run(found.dir(), found.name());
                      if (!result.passed()) {
                        fail("\n" + result.report());
                      }
                    }));
  }

  /** The repository root: the nearest folder above the module with a POM and this module. */
  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("conformance-tests"))) {
        return p;
      }
    }
    return dir;
  }
}
