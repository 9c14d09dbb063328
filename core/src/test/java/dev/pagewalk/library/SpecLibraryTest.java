package dev.pagewalk.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every spec in the repository's {@code specs/} library loads: it validates against the JSON Schema
 * and every expression compiles. Names are unique, parameters and connection values are described,
 * the first line points editors at the schema, and each spec cites the provider documentation it
 * follows ({@code docs}) and the date it was checked against it ({@code checked}).
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
                      Plan plan = dev.pagewalk.plan.Connector.of(Pagewalk.load(p)).shared();
                      assertThat(Files.readAllLines(p).get(0))
                          .startsWith("# yaml-language-server: $schema=");
                      assertThat(plan.parameters())
                          .allSatisfy(d -> assertThat(d.description()).as(d.name()).isNotBlank());
                      assertThat(plan.connection())
                          .allSatisfy(d -> assertThat(d.description()).as(d.name()).isNotBlank());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyLibrarySpecCitesItsDocsAndWhenTheyWereChecked() throws IOException {
    return specs().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    ROOT.relativize(p).toString(),
                    () -> {
                      Map<String, Object> top =
                          new Yaml(new SafeConstructor(new LoaderOptions()))
                              .load(Files.readString(p));
                      assertThat(top.get("docs"))
                          .as("docs: the provider documentation URLs the spec follows")
                          .asList()
                          .isNotEmpty()
                          .allSatisfy(u -> assertThat(u.toString()).startsWith("https://"));
                      assertThat(top)
                          .as("checked: the date the spec was checked against its docs")
                          .containsKey("checked");
                    }));
  }

  @Test
  void holdsAtLeastThirtyApisWithUniqueSpecNames() throws IOException {
    Set<String> names = new HashSet<>();
    for (Path p : specs()) {
      assertThat(names.add(Pagewalk.load(p).name())).as("duplicate name in " + p).isTrue();
    }
    Set<String> apis =
        specs().stream()
            .map(p -> p.getParent().getFileName().toString())
            .collect(Collectors.toSet());
    assertThat(apis).hasSizeGreaterThanOrEqualTo(30);
  }
}
