package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a real process: what {@link CliProcess} starts is the tool users run. */
class ChildProcessTest {
  @TempDir Path dir;

  @Test
  void aSpecErrorExitsWithTheSpecCodeFromARealProcess() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "pagewalk: 1\nname: Bad Name\n");
    CliProcess.Result r =
        CliProcess.in(dir, Map.of()).run(Duration.ofSeconds(60), "validate", "bad.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.err()).contains("bad.yaml:2");
  }

  @Test
  void versionPrintsWhatPicocliPrintsWithoutBuildingTheCommandLine() throws Exception {
    String picocli = Cli.plain().run("--version").out();
    for (String flag : new String[] {"--version", "-V"}) {
      CliProcess.Result r = CliProcess.in(dir, Map.of()).run(Duration.ofSeconds(60), flag);
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out())
          .isEqualTo(picocli)
          .isEqualTo(
              "pagewalk 0.1.0-SNAPSHOT\nJava "
                  + System.getProperty("java.version")
                  + " ("
                  + System.getProperty("java.vendor")
                  + ")\n");
    }
  }

  @Test
  void validateAndVersionLoadNeitherPicocliNorTheHttpClientNorAnObjectMapper() throws Exception {
    Files.writeString(
        dir.resolve("good.yaml"), Files.readString(Path.of("src/test/resources/specs/good.yaml")));
    String java = System.getProperty("java.version");
    String vendor = System.getProperty("java.vendor");
    Files.writeString(
        dir.resolve("calls.yaml"),
        Files.readString(dir.resolve("good.yaml"))
            .replace("{{body.has_more}}", "{{length(body.data) > 0}}"));
    assertThat(loadedBy("validate", "good.yaml", "calls.yaml"))
        .isEqualTo("good.yaml: ok\ncalls.yaml: ok\n");
    assertThat(loadedBy("--version"))
        .isEqualTo("pagewalk 0.1.0-SNAPSHOT\nJava " + java + " (" + vendor + ")\n");
  }

  /** Runs the command, checks the classes it loaded, and returns its stdout. */
  private String loadedBy(String... args) throws Exception {
    Path log = Files.createTempFile(dir, "classes", ".txt");
    CliProcess.Result r =
        CliProcess.in(dir, Map.of())
            .withJvmOption("-Xlog:class+load=info:file=" + log)
            .run(Duration.ofSeconds(60), args);
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> classes =
        Files.readAllLines(log).stream()
            .map(line -> line.replaceFirst("^\\S+ (\\S+) .*$", "$1"))
            .toList();
    assertThat(classes).contains(Main.class.getName());
    assertThat(classes)
        .filteredOn(c -> c.startsWith("picocli.") || c.startsWith("org.apache.hc."))
        .isEmpty();
    // the spec schema is read and compiled without an ObjectMapper (its static set-up loads
    // calendar and locale data), and uses no string format: neither is built
    assertThat(classes)
        .doesNotContain(
            "com.fasterxml.jackson.databind.ObjectMapper",
            "dev.pagewalk.json.JsonConfig",
            "com.networknt.schema.Formats");
    // nothing is hashed: a plan's content hash is worked out when a run asks for it
    assertThat(classes).doesNotContain("java.security.MessageDigest");
    // the built-in functions are linked as a spec calls them: length alone is the function and
    // its check of the result
    assertThat(classes)
        .filteredOn(c -> c.startsWith("dev.pagewalk.expr.Functions$$Lambda"))
        .hasSizeLessThanOrEqualTo(2);
    return r.out();
  }
}
