package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sinks.DatabaseSink;
import dev.pagewalk.sinks.Sinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector run into SQLite and PostgreSQL, SIGKILLed several times in a child JVM — each time
 * once the mock has served a seeded random number of its requests — and resumed until it completes:
 * each stream's table ends with every record exactly once, no resumed run asks again for a walk the
 * destination already held as finished, and the last run is COMPLETE: the walks finished before a
 * kill count with the verdict committed with their last page.
 */
class StreamsIntoDatabaseKillProcessTest {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final int ORDERS = 16;
  static final int ORDERS_PER_PAGE = 4;
  static final int LINES = 6;
  static final int LINES_PER_PAGE = 3;
  static final int DELAY_MS = 25;
  static final int KILLS = 3;

  /** The requests of a run from start to end: the orders' pages and each order's lines' pages. */
  static final int REQUESTS = ORDERS / ORDERS_PER_PAGE + ORDERS * LINES / LINES_PER_PAGE;

  static final String SPEC =
      """
      pagewalk: 1
      name: shop
      concurrency: 2
      streams:
        orders:
          request:
            url: /orders
            response: {iterate: "{{body.data}}", key: "{{item.id}}"}
            pagination:
              qs: {cursor: "{{body.next}}"}
              condition: "{{body.has_more}}"
          audit: {total: "{{body.total}}"}
        lines:
          parent: orders
          request:
            url: "/orders/{{parent.id}}/lines"
            response:
              iterate: "{{body.data}}"
              key: ["{{parent.id}}", "{{item.n}}"]
              output: {order: "{{parent.id}}", n: "{{item.n}}"}
            pagination:
              qs: {cursor: "{{body.next}}"}
              condition: "{{body.has_more}}"
          audit: {total: "{{body.total}}"}
      """;

  @TempDir Path dir;
  MockServer api;
  CliProcess cli;
  Path spec;

  @BeforeEach
  void start() throws Exception {
    api = new MockServer();
    for (int page = 0; page * ORDERS_PER_PAGE < ORDERS; page++) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (int i = 1; i <= ORDERS_PER_PAGE; i++) {
        items.add(Map.of("id", page * ORDERS_PER_PAGE + i));
      }
      stubPage("/orders", page, items, (page + 1) * ORDERS_PER_PAGE < ORDERS, ORDERS);
    }
    for (int order = 1; order <= ORDERS; order++) {
      for (int page = 0; page * LINES_PER_PAGE < LINES; page++) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= LINES_PER_PAGE; i++) {
          items.add(Map.of("n", page * LINES_PER_PAGE + i));
        }
        stubPage(
            "/orders/" + order + "/lines", page, items, (page + 1) * LINES_PER_PAGE < LINES, LINES);
      }
    }
    spec = dir.resolve("shop.yaml");
    Files.writeString(spec, SPEC);
    cli = CliProcess.in(dir, Map.of());
  }

  void stubPage(String path, int page, List<Map<String, Object>> items, boolean more, int total)
      throws Exception {
    String body =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(
                Map.of(
                    "data",
                    items,
                    "has_more",
                    more,
                    "next",
                    more ? "c" + (page + 1) : "", // the cursor of the next page
                    "total",
                    total));
    api.server.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("cursor", page == 0 ? absent() : equalTo("c" + page))
            .willReturn(okJson(body).withFixedDelay(DELAY_MS)));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void sqliteEndsWithEveryRecordOnceAndNoFinishedWalkFetchedAgain() throws Exception {
    killAndResume("sqlite:" + dir.resolve("shop.db"), new Random(20));
  }

  @Test
  void postgresqlEndsWithEveryRecordOnceAndNoFinishedWalkFetchedAgain() throws Exception {
    killAndResume(EmbeddedPg.newDatabase("kill"), new Random(21));
  }

  void killAndResume(String out, Random random) throws Exception {
    Path report = dir.resolve("report.json");
    int killed = 0;
    int runs = 0;
    int resumedPastFinishedWalks = 0;
    CliProcess.Result last = null;
    while (last == null
        || (last.code() != ExitCodes.COMPLETE && last.code() != ExitCodes.VERDICT)) {
      assertThat(runs++).as("runs").isLessThan(KILLS + 4);
      Set<String> finished = finishedWalks(out);
      resumedPastFinishedWalks += finished.isEmpty() ? 0 : 1;
      api.server.resetRequests();
      CliProcess.Running running =
          cli.start(
              "run",
              spec.toString(),
              "--base-url",
              api.url(),
              "--out",
              out,
              "--resume",
              "-q",
              "--fail-on",
              "unverified",
              "--report",
              report.toString());
      if (killed < KILLS) {
        int served = 1 + random.nextInt(REQUESTS / (KILLS + 1));
        while (running.process.isAlive() && api.server.getAllServeEvents().size() < served) {
          Thread.sleep(5);
        }
        if (running.process.isAlive()) {
          running.signal("KILL");
          running.process.waitFor();
          killed++;
        }
      }
      if (running.process.isAlive() || running.process.exitValue() != 137) {
        last = running.waitFor(TIMEOUT);
      }
      assertThat(fetchedAgain(finished)).as("finished walks fetched again").isEmpty();
    }
    assertThat(last.code()).as(last.err()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(killed).isEqualTo(KILLS);
    assertThat(resumedPastFinishedWalks).as("runs that found finished walks").isGreaterThan(1);
    assertThat(api.server.getAllServeEvents())
        .as("the last run's requests")
        .hasSizeLessThan(REQUESTS);
    assertThat(last.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("verdict").asText())
        .as("every walk completed, in this run or an earlier one")
        .isEqualTo("COMPLETE");
    assertThat(json.findValues("walksFinishedEarlier")).as("walks finished earlier").isNotEmpty();
    try (DatabaseSink db = Sinks.database(out)) {
      assertThat(db.keys("shop", "orders"))
          .isEqualTo(
              IntStream.rangeClosed(1, ORDERS)
                  .mapToObj(String::valueOf)
                  .collect(Collectors.toSet()));
      Set<String> lines = new LinkedHashSet<>();
      for (int o = 1; o <= ORDERS; o++) {
        for (int n = 1; n <= LINES; n++) {
          lines.add("[" + o + "," + n + "]");
        }
      }
      assertThat(db.keys("shop", "lines")).isEqualTo(lines);
      assertThat(db.count("shop", "lines")).isEqualTo((long) ORDERS * LINES);
    }
  }

  /** The walks the destination holds as ended, as paths of their requests. */
  Set<String> finishedWalks(String out) throws Exception {
    Set<String> paths = new LinkedHashSet<>();
    try (WalkSink sink = Sinks.walkSink(out, "shop")) {
      for (WalkSink.SavedWalk w : sink.load().map(WalkSink.Saved::walks).orElse(List.of())) {
        if (w.checkpoint() != null && !w.checkpoint().resumable()) {
          paths.add(w.stream().equals("orders") ? "/orders" : "/orders/" + w.walk() + "/lines");
        }
      }
    }
    return paths;
  }

  List<String> fetchedAgain(Set<String> finished) {
    return api.server.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .map(r -> r.getUrl().replaceFirst("\\?.*", ""))
        .filter(finished::contains)
        .toList();
  }
}
