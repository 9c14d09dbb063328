package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pagewalk run} of a connector: stream-tagged stdout, --out DIR, --streams, the report. */
class RunStreamsTest {
  static final String SPEC =
      """
      pagewalk: 1
      name: shop
      retry: {maxAttempts: 1}
      streams:
        orders:
          request:
            url: /orders
            response: {iterate: "{{body}}", key: "{{item.id}}"}
        lines:
          parent: orders
          request:
            url: "/orders/{{parent.id}}/lines"
            response:
              iterate: "{{body}}"
              key: ["{{parent.id}}", "{{item.n}}"]
              output: {order: "{{parent.id}}", n: "{{item.n}}"}
      """;

  MockServer api;
  final Cli cli = Cli.plain();
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void start() throws Exception {
    api = new MockServer();
    api.server.stubFor(
        get(urlPathEqualTo("/orders")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
    api.server.stubFor(get(urlPathEqualTo("/orders/1/lines")).willReturn(okJson("[{\"n\":1}]")));
    api.server.stubFor(get(urlPathEqualTo("/orders/2/lines")).willReturn(okJson("[]")));
    spec = dir.resolve("shop.yaml");
    Files.writeString(spec, SPEC);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void writesOneTaggedLinePerRecordAndASummaryPerStream() {
    Cli.Result r = cli.run("run", spec.toString(), "--base-url", api.url());
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(r.out().lines().sorted())
        .containsExactly(
            "{\"stream\":\"lines\",\"record\":{\"order\":1,\"n\":1}}",
            "{\"stream\":\"orders\",\"record\":{\"id\":1}}",
            "{\"stream\":\"orders\",\"record\":{\"id\":2}}");
    assertThat(r.err())
        .isEqualTo(
            """
            orders: UNVERIFIED, 2 records, 1 requests, 1 walk
            lines: UNVERIFIED, 1 records, 2 requests, 2 walks
            UNVERIFIED: shop
            """);
  }

  @Test
  void writesOneFilePerStreamIntoOutDir() throws Exception {
    Path out = dir.resolve("out");
    Cli.Result r =
        cli.run("run", spec.toString(), "--base-url", api.url(), "--out", out.toString(), "-q");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllLines(out.resolve("orders.jsonl")))
        .containsExactlyInAnyOrder("{\"id\":1}", "{\"id\":2}");
    assertThat(Files.readAllLines(out.resolve("lines.jsonl")))
        .containsExactly("{\"order\":1,\"n\":1}");
  }

  @Test
  void aSelectedStreamAloneWritesPlainRecordsAndWalksItsParentQuietly() {
    Cli.Result r = cli.run("run", spec.toString(), "--base-url", api.url(), "--streams", "lines");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(r.out()).isEqualTo("{\"order\":1,\"n\":1}\n");
    assertThat(r.err())
        .startsWith(
            "orders: UNVERIFIED, 2 records, 1 requests, 1 walk; walked for its children, not"
                + " written\n");
  }

  @Test
  void writesOneAuditLogForTheRunWhoseLinesNameTheirStreamAndWalk() throws Exception {
    Path audit = dir.resolve("audit.jsonl");
    Path report = dir.resolve("report.json");
    Cli.Result r =
        cli.run(
            "run",
            spec.toString(),
            "--base-url",
            api.url(),
            "--out",
            dir.resolve("out").toString(),
            "--audit-log",
            audit.toString(),
            "--report",
            report.toString(),
            "-q");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.COMPLETE);
    String runId = new ObjectMapper().readTree(report.toFile()).path("runId").asText();
    java.util.List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(audit)) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertThat(lines)
        .extracting(
            l ->
                l.path("event").asText()
                    + " "
                    + l.path("stream").asText()
                    + " "
                    + l.path("walk").asText())
        .containsExactlyInAnyOrder(
            "page orders ",
            "end orders ",
            "page lines 1",
            "end lines 1",
            "page lines 2",
            "end lines 2");
    assertThat(lines).extracting(l -> l.path("runId").asText()).containsOnly(runId);
    JsonNode page =
        lines.stream().filter(l -> l.path("walk").asText().equals("1")).findFirst().get();
    assertThat(page.path("event").asText()).as("a walk's page before its end").isEqualTo("page");
    assertThat(page.path("request").asText()).isEqualTo("GET " + api.url() + "/orders/1/lines");
    assertThat(page.path("delivered").asInt()).isEqualTo(1);
    JsonNode end =
        lines.stream()
            .filter(l -> l.path("event").asText().equals("end"))
            .filter(l -> l.path("walk").asText().equals("1"))
            .findFirst()
            .get();
    assertThat(end.path("verdict").asText()).isEqualTo("UNVERIFIED");
    assertThat(end.path("records").asInt()).isEqualTo(1);
  }

  @Test
  void namesTheFailedWalkAndReportsItInTheSchemasForm() throws Exception {
    api.server.stubFor(get(urlPathEqualTo("/orders/2/lines")).willReturn(serverError()));
    Path report = dir.resolve("report.json");
    Cli.Result r =
        cli.run("run", spec.toString(), "--base-url", api.url(), "--report", report.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err())
        .contains(
            "lines: INCOMPLETE, 1 records, 2 requests, 2 walks (1 failed)\n"
                + "  walk 2 failed: shop/lines: GET "
                + api.url()
                + "/orders/2/lines returned 500 Server Error\n")
        .endsWith("INCOMPLETE: shop\n");
    String json = Files.readString(report);
    assertThat(ReportSchemaTest.violations(json)).isEmpty();
    JsonNode lines = new ObjectMapper().readTree(json).path("streams").path(1);
    assertThat(lines.path("name").asText()).isEqualTo("lines");
    assertThat(lines.path("verdict").asText()).isEqualTo("INCOMPLETE");
    JsonNode failed = lines.path("walkList").findParent("failure");
    assertThat(failed.path("walk").asText()).isEqualTo("2");
    assertThat(failed.path("errorCode").asText()).isEqualTo("http-status");
  }

  @Test
  void refusesAnUnknownStreamAndOptionsStreamsDoNotTakeYet() {
    Cli.Result unknown =
        cli.run("run", spec.toString(), "--base-url", api.url(), "--streams", "line");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err())
        .isEqualTo("pagewalk run: shop: no stream named 'line'; its streams are orders, lines\n");
    Cli.Result stdoutResume = cli.run("run", spec.toString(), "--base-url", api.url(), "--resume");
    assertThat(stdoutResume.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(stdoutResume.err())
        .isEqualTo(
            "pagewalk run: --resume needs an --out that keeps checkpoints: a FILE, sqlite:PATH or"
                + " postgresql://...; stdout has nothing to resume from\n");
    assertThat(api.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void resumesOnlyTheWalksThatHadNotFinished() throws Exception {
    api.server.stubFor(get(urlPathEqualTo("/orders/2/lines")).willReturn(serverError()));
    Path out = dir.resolve("out");
    String[] run = {"run", spec.toString(), "--base-url", api.url(), "--out", out.toString(), "-q"};
    assertThat(cli.run(run).code()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(Files.readAllLines(out.resolve("lines.jsonl")))
        .containsExactly("{\"order\":1,\"n\":1}");

    api.server.stubFor(get(urlPathEqualTo("/orders/2/lines")).willReturn(okJson("[{\"n\":5}]")));
    Cli.Result again = cli.run(run);
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err())
        .isEqualTo(
            "pagewalk run: shop: cannot open the sink: "
                + out.resolve("orders.jsonl")
                + " already holds records and this is a full run, which would add them all again:"
                + " continue the last run with --resume, or start the files over with --replace\n");

    api.server.resetRequests();
    Cli.Result resumed = cli.run(append(run, "--resume"));
    assertThat(resumed.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(api.server.getAllServeEvents())
        .extracting(e -> e.getRequest().getUrl())
        .containsExactly("/orders/2/lines");
    assertThat(Files.readAllLines(out.resolve("orders.jsonl")))
        .containsExactlyInAnyOrder("{\"id\":1}", "{\"id\":2}");
    assertThat(Files.readAllLines(out.resolve("lines.jsonl")))
        .containsExactlyInAnyOrder("{\"order\":1,\"n\":1}", "{\"order\":2,\"n\":5}");
    assertThat(dir.resolve(".pagewalk-state/shop.walks.jsonl")).exists();

    Cli.Result replaced = cli.run(append(run, "--replace"));
    assertThat(replaced.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(Files.readAllLines(out.resolve("lines.jsonl"))).hasSize(2);
  }

  @Test
  void keepsTheStateUnderSyncNameInTheStateDirectory() {
    Path out = dir.resolve("out");
    Path state = dir.resolve("st");
    Cli.Result r =
        cli.run(
            "run",
            spec.toString(),
            "--base-url",
            api.url(),
            "--out",
            out.toString(),
            "-q",
            "--sync-name",
            "shop-eu",
            "--state",
            state.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(state.resolve("shop-eu.walks.jsonl")).exists();
    assertThat(state.resolve("shop-eu.lock")).exists();
    Cli.Result other =
        cli.run(
            "run",
            spec.toString(),
            "--base-url",
            "http://127.0.0.1:1",
            "--out",
            out.toString(),
            "-q",
            "--sync-name",
            "shop-eu",
            "--state",
            state.toString(),
            "--resume");
    assertThat(other.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(other.err())
        .isEqualTo(
            "pagewalk run: shop: cannot resume: the state belongs to a different sync (base URL: "
                + api.url()
                + " → http://127.0.0.1:1); resume with that sync's inputs, give this one its own"
                + " --sync-name, or start over with --replace\n");
  }

  private static String[] append(String[] words, String word) {
    String[] out = java.util.Arrays.copyOf(words, words.length + 1);
    out[words.length] = word;
    return out;
  }
}
