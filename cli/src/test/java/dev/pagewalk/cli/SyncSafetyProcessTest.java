package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync's identity and its destination's history, seen as an operator sees them: the real command
 * line in a child JVM, its exit code, what it printed and what it left in the files.
 */
class SyncSafetyProcessTest {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final String INCREMENTAL =
      Path.of("src/test/resources/specs/incremental.yaml").toAbsolutePath().toString();
  static final String SPEC = Path.of(RunCommandTest.SPEC).toAbsolutePath().toString();

  @TempDir Path dir;
  MockServer api;
  CliProcess cli;

  @BeforeEach
  void start() {
    api = new MockServer().withTwoPages();
    cli = CliProcess.in(dir, Map.of("TOKEN", MockServer.TOKEN));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  CliProcess.Result run(String spec, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", spec, "-c", "token=env:TOKEN"));
    args.addAll(List.of(options));
    return cli.run(TIMEOUT, args.toArray(String[]::new));
  }

  /** Page 2 (cursor c2) of {@code server} answers 500 until the stub is removed. */
  static void failSecondPage(MockServer server) {
    server.server.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .atPriority(1)
            .willReturn(serverError().withBody("{\"message\":\"down for maintenance\"}")));
  }

  @Test
  void aResumeWithOtherParametersIsRefusedAndWritesNothing() throws Exception {
    failSecondPage(api);
    Path out = dir.resolve("items.jsonl");
    CliProcess.Result first =
        run(SPEC, "--base-url", api.url(), "-p", "page_size=2", "-o", out.toString());
    assertThat(first.code()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(Files.readAllLines(out)).hasSize(2);
    int requestsBefore = api.server.getAllServeEvents().size();

    CliProcess.Result resumed =
        run(SPEC, "--base-url", api.url(), "-p", "page_size=3", "-o", out.toString(), "--resume");

    assertThat(resumed.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(resumed.err())
        .isEqualTo(
            "pagewalk run: items: cannot resume: the checkpoint"
                + " belongs to a different sync (parameter page_size: 2 → 3); resume with that sync's"
                + " inputs, give this one its own --sync-name, or start over with --replace\n");
    assertThat(resumed.out()).isEmpty();
    assertThat(api.server.getAllServeEvents()).hasSize(requestsBefore);
    assertThat(Files.readAllLines(out))
        .containsExactly("{\"id\":1,\"name\":\"ä\"}", "{\"id\":2,\"price\":1.50}");
  }

  @Test
  void aResumeAfterTheBaseUrlChangedSendsNothingToTheOldHost() throws Exception {
    failSecondPage(api);
    Path db = dir.resolve("out.db");
    run(SPEC, "--base-url", api.url(), "-o", "sqlite:" + db);
    int oldHostBefore = api.server.getAllServeEvents().size();
    try (MockServer moved = new MockServer().withTwoPages()) {
      CliProcess.Result resumed =
          run(SPEC, "--base-url", moved.url(), "-o", "sqlite:" + db, "--resume");

      assertThat(resumed.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(resumed.err())
          .isEqualTo(
              "pagewalk run: items: cannot resume: the checkpoint"
                  + " belongs to a different sync (base URL: "
                  + api.url()
                  + " → "
                  + moved.url()
                  + ");"
                  + " resume with that sync's inputs, give this one its own --sync-name, or start over"
                  + " with --replace\n");
      assertThat(api.server.getAllServeEvents()).hasSize(oldHostBefore);
      moved.server.verify(0, anyRequestedFor(anyUrl()));
    }
  }

  @Test
  void anIncrementalSyncIntoJsonLinesAppendsEachRunsRecords() throws Exception {
    api.server.stubFor(
        get(urlPathEqualTo("/changes"))
            .withQueryParam("since", absent())
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"},"
                        + "{\"id\":2,\"updated_at\":\"2026-01-02T00:00:00Z\"}]}")));
    api.server.stubFor(
        get(urlPathEqualTo("/changes"))
            .withQueryParam("since", equalTo("2026-01-02T00:00:00Z"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":2,\"updated_at\":\"2026-01-02T00:00:00Z\"},"
                        + "{\"id\":1,\"updated_at\":\"2026-01-03T00:00:00Z\"}]}")));
    Path out = dir.resolve("inc.jsonl");

    CliProcess.Result first = run(INCREMENTAL, "--base-url", api.url(), "-o", out.toString());
    CliProcess.Result second = run(INCREMENTAL, "--base-url", api.url(), "-o", out.toString());

    assertThat(first.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(second.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(second.err())
        .contains(
            "pagewalk run: incremental: continuing after"
                + " {cursor=2026-01-02T00:00:00Z, tieBreaker=2}\n");
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"}",
            "{\"id\":2,\"updated_at\":\"2026-01-02T00:00:00Z\"}",
            "{\"id\":1,\"updated_at\":\"2026-01-03T00:00:00Z\"}");
  }

  @Test
  void aFullRunIntoAFileThatHoldsRecordsIsRefusedUnlessReplaceIsGiven() throws Exception {
    Path out = dir.resolve("items.jsonl");
    Files.writeString(out, "{\"id\":\"earlier\"}\n");

    CliProcess.Result refused = run(SPEC, "--base-url", api.url(), "-o", out.toString());
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err())
        .isEqualTo(
            "pagewalk run: items: cannot open the sink: "
                + out
                + " already holds records and this is a full run, which would add them all again:"
                + " continue the last run with --resume, or start the file over with --replace\n");
    assertThat(Files.readAllLines(out)).containsExactly("{\"id\":\"earlier\"}");
    api.server.verify(0, anyRequestedFor(anyUrl()));

    CliProcess.Result replaced =
        run(SPEC, "--base-url", api.url(), "-o", out.toString(), "--replace");
    assertThat(replaced.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "{\"id\":1,\"name\":\"ä\"}",
            "{\"id\":2,\"price\":1.50}",
            "{\"id\":3,\"tags\":[\"x\"]}");
  }

  @Test
  void recordsToDevNullWithTheReportOnStdout() throws Exception {
    CliProcess.Result r = run(SPEC, "--base-url", api.url(), "-o", "/dev/null", "--report", "-");

    assertThat(r.err()).doesNotContain("failed");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.out())
                .get("stopReason")
                .asText())
        .isEqualTo("condition-false");
  }
}
