package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API that answers every page with a new next token but nothing new — empty pages, or the same
 * records again — is stopped by the loop guard even when every cap is {@code unlimited}. WireMock's
 * response templating makes each next token from the request's ({@code 11} → {@code 111}), so no
 * request and no body ever repeats.
 */
class EndlessPagesTest {
  static final String SPEC =
      """
      pagewalk: 1
      name: endless
      baseUrl: BASE
      limits: {maxRequests: unlimited, maxPaginationRequests: unlimited, maxRecords: unlimited}
      retry: {emptyPageWithContinuation: 0}
      request:
        url: /items
        response:
          iterate: "{{body.data}}"
      %s
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  @TempDir Path dir;
  MockServer api;

  @BeforeEach
  void start() {
    api = new MockServer();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  void serve(String data) {
    api.server.stubFor(
        get(urlPathEqualTo("/items"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":" + data + ",\"next\":\"{{request.query.cursor}}1\"}")
                    .withTransformers("response-template")));
  }

  Cli.Result run(String key) throws Exception {
    Path spec = dir.resolve("endless.yaml");
    Files.writeString(spec, SPEC.replace("BASE", api.url()).formatted(key));
    return Cli.plain().run("run", spec.toString());
  }

  @Test
  void endlessEmptyPagesStopAfterAHundredInARow() throws Exception {
    serve("[]");
    Cli.Result r = run("");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err())
        .contains(
            "endless: loop detected: 100 pages in a row were empty while"
                + " pagination.condition still asked for more (pages 1 to 100, last GET "
                + api.url()
                + "/items?cursor="
                + "1".repeat(99)
                + ")");
    assertThat(r.err()).startsWith("FAILED (loop-detected): 0 records, 100 pages, 100 requests");
    assertThat(api.server.getAllServeEvents()).hasSize(100);
  }

  @Test
  void keyedRecordsServedAgainStopAfterTwoPages() throws Exception {
    serve("[{\"id\":1},{\"id\":2}]");
    Cli.Result r = run("    key: \"{{item.id}}\"");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err())
        .contains(
            "endless: loop detected: pages 2 and 3 held only records already"
                + " delivered (GET "
                + api.url()
                + "/items?cursor=11): the API serves the same data again");
    assertThat(r.out()).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
    assertThat(api.server.getAllServeEvents()).hasSize(3);
  }

  @Test
  void recordsWithoutAKeyServedAgainStopAfterThreePages() throws Exception {
    serve("[{\"name\":\"same\"},{\"name\":\"again\"}]");
    Cli.Result r = run("");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(r.err())
        .contains(
            "endless: loop detected: pages 1 to 3 held the same 2 records"
                + " (last GET "
                + api.url()
                + "/items?cursor=11): the API serves the same data again"
                + " under new next-page requests");
    assertThat(api.server.getAllServeEvents()).hasSize(3);
  }
}
