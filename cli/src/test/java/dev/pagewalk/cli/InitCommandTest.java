package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path dir;

  Cli.Result init(String name) {
    return Cli.plain().run("init", name, "--dir", dir.toString());
  }

  @Test
  void writesTheStarterSpecAndABasicCase() {
    Cli.Result r = init("acme-items");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    Path root = dir.resolve("acme-items");
    assertThat(root.resolve("acme-items.yaml")).isRegularFile();
    assertThat(root.resolve("cases/basic/case.yaml")).isRegularFile();
    assertThat(root.resolve("cases/basic/mappings/page-1.json")).isRegularFile();
    assertThat(root.resolve("cases/basic/mappings/page-2.json")).isRegularFile();
    assertThat(root.resolve("cases/basic/expected.jsonl")).isRegularFile();
    assertThat(r.out())
        .contains(
            "created " + root.resolve("acme-items.yaml"),
            "pagewalk run "
                + root.resolve("acme-items.yaml")
                + " --connection api_token=env:ACME_ITEMS_TOKEN");
  }

  @Test
  void theSpecPointsEditorsAtTheSchemaAndUsesTheName() throws IOException {
    init("acme-items");
    String spec = Files.readString(dir.resolve("acme-items/acme-items.yaml"));
    assertThat(spec)
        .startsWith(
            "# yaml-language-server: $schema=https://pagewalk.dev/schema/pagewalk-spec-v1.schema.json\n");
    assertThat(spec)
        .contains(
            "\nname: acme-items\n",
            "secret: true",
            "pagination:",
            "condition: \"{{body.has_more}}\"",
            "key: \"{{item.id}}\"")
        .doesNotContain("__");
  }

  @Test
  void theStarterSpecSetsItsCapsExplicitlySoValidateHasNothingToWarnAbout() throws IOException {
    init("acme-items");
    assertThat(Files.readString(dir.resolve("acme-items/acme-items.yaml")))
        .contains(
            "\nlimits: {maxRequests: 100, maxPaginationRequests: 50, maxRecords: 3200, timeout: 40s}\n");
  }

  @Test
  void theStarterSpecValidates() {
    init("acme-items");
    String spec = dir.resolve("acme-items/acme-items.yaml").toString();
    Cli.Result r = Cli.plain().run("validate", spec);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(spec + ": ok\n");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
  }

  @Test
  void theStarterSpecFetchesTheExpectedRecordsFromTheCaseStubs() throws IOException {
    init("acme-items");
    Path caseDir = dir.resolve("acme-items/cases/basic");
    WireMockServer api =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .jettyStopTimeout(0L)
                .usingFilesUnderDirectory(caseDir.toString()));
    api.start();
    try {
      Cli.Result r =
          Cli.plain()
              .run(
                  "run",
                  dir.resolve("acme-items/acme-items.yaml").toString(),
                  "--base-url",
                  "http://127.0.0.1:" + api.port(),
                  "-p",
                  "page_size=2",
                  "-c",
                  "api_token=test-token");
      assertThat(r.err()).startsWith("complete (condition-false): 3 records, 2 pages, 2 requests");
      assertThat(r.out()).isEqualTo(Files.readString(caseDir.resolve("expected.jsonl")));
      assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    } finally {
      api.stop();
    }
  }

  @Test
  void theStarterCasePasses() {
    init("acme-items");
    Cli.Result r = Cli.plain().run("test", dir.resolve("acme-items/cases").toString());
    assertThat(r.out()).startsWith("PASS basic\n").contains("1 case: 1 passed, 0 failed");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
  }

  @Test
  void refusesANameThatIsNoSpecName() {
    Cli.Result r = init("Acme_Items");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk init: 'Acme_Items' is not a spec name: use lower-case "
                + "letters, digits and dashes, starting with a letter or digit\n");
  }

  @Test
  void neverOverwritesAnExistingFolder() throws IOException {
    Files.createDirectories(dir.resolve("acme/keep"));
    Cli.Result r = init("acme");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk init: " + dir.resolve("acme") + " already exists; not overwriting it\n");
    assertThat(dir.resolve("acme/acme.yaml")).doesNotExist();
  }
}
