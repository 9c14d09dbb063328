package dev.pagewalk.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec in the repository's {@code specs/} library loads: it validates against the JSON Schema
 * and every expression compiles. Names are unique, parameters and connection values are described,
 * and the first line points editors at the schema.
 */
class SpecLibraryTest {
  private static final Path ROOT = repoRoot();

  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("specs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no specs/ folder above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static List<Path> specs() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT.resolve("specs"))) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("/cases/"))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyLibrarySpecLoads() throws IOException {
    return specs().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    ROOT.relativize(p).toString(),
                    () -> {
                      Plan plan = Plan.of(Pagewalk.load(p));
                      assertThat(Files.readAllLines(p).get(0))
                          .startsWith("# yaml-language-server: $schema=");
                      assertThat(plan.parameters())
                          .allSatisfy(d -> assertThat(d.description()).as(d.name()).isNotBlank());
                      assertThat(plan.connection())
                          .allSatisfy(d -> assertThat(d.description()).as(d.name()).isNotBlank());
                    }));
  }

  @Test
  void holdsAtLeastFifteenSpecsWithUniqueNames() throws IOException {
    Set<String> names = new HashSet<>();
    for (Path p : specs()) {
      assertThat(names.add(Pagewalk.load(p).name())).as("duplicate name in " + p).isTrue();
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(15);
  }
}
