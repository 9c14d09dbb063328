package dev.pagewalk.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Core as a named module, as an embedder on the module path gets it: a child JVM with core's
 * classes and its runtime jars on the module path, and an embedder (plus the resource-only spec
 * schema) on the class path. The rest of the test suite runs on the class path.
 */
class ModulePathTest {
  @Test
  void anEmbedderLoadsAndRunsASpecWithItsOwnTransportReadsTheReportAndCannotReachTheInternals()
      throws Exception {
    String runtime = System.getProperty("pagewalk.core.runtimeClasspath");
    assertThat(runtime)
        .as("set by the build (maven-dependency-plugin build-classpath)")
        .isNotBlank();
    List<String> modulePath = new ArrayList<>(List.of(Path.of("target/classes").toString()));
    List<String> classPath = new ArrayList<>(List.of(Path.of("target/test-classes").toString()));
    for (String entry : runtime.split(File.pathSeparator)) {
      boolean schema = entry.contains("spec-schema");
      (entry.endsWith(".jar") && !schema ? modulePath : classPath).add(entry);
    }
    Path out = Files.createTempFile("embedder", ".out");
    Path err = Files.createTempFile("embedder", ".err");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                String.join(File.pathSeparator, modulePath),
                "--add-modules",
                "dev.pagewalk.core",
                "-cp",
                String.join(File.pathSeparator, classPath),
                Embedder.class.getName())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    String output = Files.readString(out, StandardCharsets.UTF_8);
    String errors = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(out);
    Files.delete(err);
    assertThat(output)
        .as(errors)
        .isEqualTo(
            """
        module dev.pagewalk.core exports [dev.pagewalk, dev.pagewalk.report, dev.pagewalk.sink, \
        dev.pagewalk.spi, dev.pagewalk.state]
        stop condition-false, records [{n=1, twice=2}, {n=2, twice=4}, {n=3, twice=6}], verdict \
        UNVERIFIED
        sync condition-false, 3 lines, checkpoint complete after 2 pages
        own transport sent [GET http://numbers.test/numbers, GET http://numbers.test/numbers?page=2], \
        stop condition-false, report: 3 records, verdict UNVERIFIED, JSON [  "verdict" : "UNVERIFIED",]
        internal refused: dev.pagewalk.plan.Plan
        """);
    assertThat(p.exitValue()).isZero();
  }
}
