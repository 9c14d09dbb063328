package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after two pages is resumed once its saved list iterator has expired (Airtable's 422
 * {@code LIST_RECORDS_ITERATOR_NOT_AVAILABLE}): the resumed walk starts again from the first page
 * ({@code retry.restartWalk}), and the records the interrupted run wrote before its checkpoint are
 * known from the destination and not delivered again — by the real command line, over HTTP, into a
 * JSON Lines file and into SQLite.
 */
class RestartAfterResumeTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: records
      baseUrl: http://placeholder.test
      retry:
        restartWalk:
          on: [{status: 422, bodyContains: LIST_RECORDS_ITERATOR_NOT_AVAILABLE}]
          max: 2
      request:
        url: /records
        response:
          iterate: "{{body.records}}"
          key: "{{item.id}}"
        pagination:
          qs: {offset: "{{body.offset}}"}
          condition: "{{body.offset}}"
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  WireMockServer api;
  Path spec;

  @BeforeEach
  void start() throws Exception {
    api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").jettyStopTimeout(0L));
    api.start();
    spec = Files.writeString(dir.resolve("records.yaml"), SPEC);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  private Cli.Result run(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("run", spec.toString(), "--base-url", "http://127.0.0.1:" + api.port()));
    args.addAll(List.of(options));
    return Cli.plain().run(args.toArray(String[]::new));
  }

  private static String page(String offset, String version, String... ids) {
    List<String> records = new ArrayList<>();
    for (String id : ids) {
      records.add("{\"id\":\"" + id + "\",\"v\":" + version + "}");
    }
    return "{\"records\":["
        + String.join(",", records)
        + "]"
        + (offset == null ? "" : ",\"offset\":\"" + offset + "\"")
        + "}";
  }

  private void serve(String offset, String body) {
    api.stubFor(
        get(urlPathEqualTo("/records"))
            .withQueryParam("offset", offset == null ? absent() : equalTo(offset))
            .willReturn(okJson(body)));
  }

  /** Iterator {@code itr}: two pages of version {@code v}, then a refusal (400, not retried). */
  private void refusingPageThree(String v) {
    api.resetAll();
    serve(null, page("itr/2", v, "rec1", "rec2"));
    serve("itr/2", page("itr/3", v, "rec3", "rec4"));
    api.stubFor(
        get(urlPathEqualTo("/records"))
            .withQueryParam("offset", equalTo("itr/3"))
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"maintenance\"}")));
  }

  /**
   * Iterator {@code itr} has expired (422); a new walk gets {@code itrB}: four pages, seven
   * records.
   */
  private void expiredIterator(String v) {
    api.resetAll();
    api.stubFor(
        get(urlPathEqualTo("/records"))
            .withQueryParam("offset", equalTo("itr/3"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody("{\"error\":{\"type\":\"LIST_RECORDS_ITERATOR_NOT_AVAILABLE\"}}")));
    serve(null, page("itrB/2", v, "rec1", "rec2"));
    serve("itrB/2", page("itrB/3", v, "rec3", "rec4"));
    serve("itrB/3", page("itrB/4", v, "rec5", "rec6"));
    serve("itrB/4", page(null, v, "rec7"));
  }

  private List<String> requested() {
    List<String> urls =
        new ArrayList<>(
            api.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList());
    java.util.Collections.reverse(urls);
    return urls;
  }

  private static String runId(String err) {
    Matcher m =
        Pattern.compile("resumed run ([0-9a-f-]{36}) at page 3 after 4 records").matcher(err);
    assertThat(m.find()).as(err).isTrue();
    return m.group(1);
  }

  /** The resumed run's stderr, report and requests, checked the same for every destination. */
  private void assertResumedRunDeliveredTheRestOnce(Cli.Result resumed, Path report)
      throws Exception {
    assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(requested())
        .containsExactly(
            "/records?offset=itr%2F3",
            "/records",
            "/records?offset=itrB%2F2",
            "/records?offset=itrB%2F3",
            "/records?offset=itrB%2F4");
    String id = runId(resumed.err());
    JsonNode r = JSON.readTree(report.toFile());
    assertThat(r.get("records"))
        .isEqualTo(
            JSON.readTree(
                "{\"received\":11,\"emitted\":7,\"filtered\":0,\"duplicatesDropped\":4}"));
    assertThat(r.get("notes"))
        .containsExactly(
            JSON.valueToTree("resumed run " + id + " at page 3 after 4 records"),
            JSON.valueToTree(
                "the walk's cursor expired on page 3 (422): restarted the walk from the start"
                    + " (restart 1 of at most 2)"));
    assertThat(r.get("stopReason").asText()).isEqualTo("condition-false");
    assertThat(r.get("verdict").asText()).isEqualTo("UNVERIFIED");
  }

  @Test
  void aJsonLinesFileHoldsEveryRecordOnce() throws Exception {
    Path out = dir.resolve("out.jsonl");
    refusingPageThree("1");
    Cli.Result failed = run("--out", out.toString());
    assertThat(failed.code()).as(failed.err()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(Files.readAllLines(out)).hasSize(4);

    expiredIterator("1");
    Path report = dir.resolve("report.json");
    Cli.Result resumed = run("--out", out.toString(), "--resume", "--report", report.toString());

    assertThat(Files.readAllLines(out))
        .containsExactly(
            "{\"id\":\"rec1\",\"v\":1}",
            "{\"id\":\"rec2\",\"v\":1}",
            "{\"id\":\"rec3\",\"v\":1}",
            "{\"id\":\"rec4\",\"v\":1}",
            "{\"id\":\"rec5\",\"v\":1}",
            "{\"id\":\"rec6\",\"v\":1}",
            "{\"id\":\"rec7\",\"v\":1}");
    assertResumedRunDeliveredTheRestOnce(resumed, report);
  }

  /**
   * The table already holds all seven records from an earlier complete run (version 1); the
   * interrupted run wrote four of them again (version 2). Only those four count as delivered by
   * this run: the restart writes the other three, so every row ends at version 2.
   */
  @Test
  void aSqliteTableTakesTheRestFromTheRestartAndCountsEveryRecordOnce() throws Exception {
    Path db = dir.resolve("out.db");
    expiredIterator("1");
    Cli.Result earlier = run("--out", "sqlite:" + db);
    assertThat(earlier.code()).as(earlier.err()).isEqualTo(ExitCodes.COMPLETE);

    refusingPageThree("2");
    Cli.Result failed = run("--out", "sqlite:" + db);
    assertThat(failed.code()).as(failed.err()).isEqualTo(ExitCodes.RUN_FAILURE);

    expiredIterator("2");
    Path report = dir.resolve("report.json");
    Cli.Result resumed = run("--out", "sqlite:" + db, "--resume", "--report", report.toString());

    assertResumedRunDeliveredTheRestOnce(resumed, report);
    assertThat(rows(db))
        .containsExactly(
            Map.entry("\"rec1\"", "{\"id\":\"rec1\",\"v\":2}"),
            Map.entry("\"rec2\"", "{\"id\":\"rec2\",\"v\":2}"),
            Map.entry("\"rec3\"", "{\"id\":\"rec3\",\"v\":2}"),
            Map.entry("\"rec4\"", "{\"id\":\"rec4\",\"v\":2}"),
            Map.entry("\"rec5\"", "{\"id\":\"rec5\",\"v\":2}"),
            Map.entry("\"rec6\"", "{\"id\":\"rec6\",\"v\":2}"),
            Map.entry("\"rec7\"", "{\"id\":\"rec7\",\"v\":2}"));
  }

  private static List<Map.Entry<String, String>> rows(Path db) throws Exception {
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT key, payload FROM \"records\" ORDER BY key")) {
      while (rs.next()) {
        rows.add(Map.entry(rs.getString(1), rs.getString(2)));
      }
    }
    return rows;
  }
}
