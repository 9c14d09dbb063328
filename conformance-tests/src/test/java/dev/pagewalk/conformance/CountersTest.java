package dev.pagewalk.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.Runner;
import dev.pagewalk.sink.JsonLinesSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every count of a {@link RunResult} against what the API's request journal and the destination
 * saw, over real HTTP with read-ahead on (the runner's default). One walk of three pages meets each
 * thing a counter counts: a filtered item, a retried 503, a duplicate key, an empty page whose
 * {@code condition} still says "more".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountersTest {
  static final String SPEC =
      """
      pagewalk: 1
      name: counted
      baseUrl: https://api.example.com
      retry: {backoff: {initial: 10ms, jitter: none}}
      request:
        url: /items
        response:
          iterate: {container: "{{body.items}}", condition: "{{!item.hidden}}"}
          key: "{{item.id}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  @TempDir static Path dir;
  private WireMockServer api;
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private RunResult result;
  private List<String> lines;

  @BeforeAll
  void walkOnce() throws Exception {
    api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", absent())
            .willReturn(
                okJson(
                    "{\"items\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3, \"hidden\": true}],"
                        + " \"next\": \"c2\"}")));
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .inScenario("page 2")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("recovered")
            .willReturn(serviceUnavailable().withBody("try again")));
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .inScenario("page 2")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"items\": [{\"id\": 2}, {\"id\": 4}], \"next\": \"c3\"}")));
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c3"))
            .inScenario("page 3")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("filled")
            .willReturn(okJson("{\"items\": [], \"next\": \"c4\"}")));
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c3"))
            .inScenario("page 3")
            .whenScenarioStateIs("filled")
            .willReturn(okJson("{\"items\": [{\"id\": 5}], \"next\": null}")));
    Plan plan = Pagewalk.parse("counted.yaml", SPEC);
    Path out = dir.resolve("out.jsonl");
    try (Runner runner = Runner.builder().sleeper(sleeps::add).build();
        JsonLinesSink sink = JsonLinesSink.toFile(out, dir.resolve("state"))) {
      result = runner.sync(plan, RunInput.empty().withBaseUrl(api.baseUrl()), sink, false);
    }
    lines = Files.readAllLines(out);
  }

  @AfterAll
  void stop() {
    api.stop();
  }

  private List<ServeEvent> journal() {
    return api.getAllServeEvents();
  }

  @Test
  void theWalkEndsNaturally() {
    assertThat(result.failure()).isNull();
    assertThat(result.stopReason().wireName()).isEqualTo("condition-false");
  }

  @Test
  void requestsAreTheRequestsTheApiServed() {
    assertThat(result.stats().requests()).isEqualTo(journal().size()).isEqualTo(5);
  }

  @Test
  void paginationRequestsAreTheRequestsForPage2AndLaterWithoutRetries() {
    long distinctPagination =
        journal().stream()
            .map(e -> e.getRequest().getUrl())
            .filter(u -> u.contains("cursor="))
            .distinct()
            .count();
    assertThat(result.stats().paginationRequests()).isEqualTo(distinctPagination).isEqualTo(2);
  }

  @Test
  void retriesAreTheRequestsSentAgain() {
    long repeated =
        journal().size() - journal().stream().map(e -> e.getRequest().getUrl()).distinct().count();
    assertThat(result.stats().retries()).isEqualTo(repeated).isEqualTo(2);
  }

  @Test
  void pagesArePagesWrittenToTheDestination() {
    assertThat(result.stats().pages()).isEqualTo(3);
  }

  @Test
  void recordsReceivedAreTheItemsTheApiReturnedBeforeFiltering() {
    assertThat(result.stats().recordsReceived()).isEqualTo(itemsServed()).isEqualTo(6);
  }

  @Test
  void recordsFilteredAreTheItemsIterateConditionDropped() {
    long hidden = journal().stream().mapToLong(e -> count(e, "\"hidden\": true")).sum();
    assertThat(result.stats().recordsFiltered()).isEqualTo(hidden).isEqualTo(1);
  }

  @Test
  void recordsEmittedAreTheRecordsTheDestinationHolds() {
    assertThat(result.stats().recordsEmitted()).isEqualTo(lines.size()).isEqualTo(4);
    assertThat(lines).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":4}", "{\"id\":5}");
  }

  @Test
  void bytesReceivedAreTheBodiesOfEveryResponseTaken() {
    long bytes = journal().stream().mapToLong(e -> e.getResponse().getBody().length).sum();
    assertThat(result.stats().bytesReceived()).isEqualTo(bytes);
  }

  @Test
  void emptyPagesWithContinuationAreTheEmptyPagesThatSaidMore() {
    long empty =
        journal().stream()
            .filter(
                e -> e.getResponse().getBodyAsString().startsWith("{\"items\": [], \"next\": \""))
            .count();
    assertThat(result.stats().emptyPagesWithContinuation()).isEqualTo(empty).isEqualTo(1);
  }

  @Test
  void duplicatesDroppedAreReceivedItemsWithAKeyAlreadyWritten() {
    long kept = result.stats().recordsReceived() - result.stats().recordsFiltered();
    assertThat(result.stats().duplicatesDropped()).isEqualTo(kept - lines.size()).isEqualTo(1);
  }

  @Test
  void waitedIsEveryPauseTheSleeperWasAskedFor() {
    Duration asked = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(result.stats().waited()).isEqualTo(asked).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void faultsAreTheFailedAttemptsByName() {
    long unavailable = journal().stream().filter(e -> e.getResponse().getStatus() == 503).count();
    assertThat(result.stats().faults()).containsEntry(new StatusFault(503), unavailable);
  }

  @Test
  void theReportCountsWhatTheResultCounts() {
    assertThat(result.report().requests())
        .containsEntry("total", 5L)
        .containsEntry("pagination", 2L)
        .containsEntry("retries", 2L);
    assertThat(result.report().records())
        .containsEntry("received", 6L)
        .containsEntry("emitted", 4L)
        .containsEntry("filtered", 1L)
        .containsEntry("duplicatesDropped", 1L);
    assertThat(result.report().pages()).isEqualTo(3);
    assertThat(result.report().bytes()).isEqualTo(result.stats().bytesReceived());
  }

  private long itemsServed() {
    return journal().stream()
        .filter(e -> e.getResponse().getStatus() == 200)
        .mapToLong(e -> count(e, "\"id\":"))
        .sum();
  }

  private static long count(ServeEvent e, String text) {
    String body = e.getResponse().getBodyAsString();
    long n = 0;
    for (int i = body.indexOf(text); i >= 0; i = body.indexOf(text, i + 1)) {
      n++;
    }
    return n;
  }
}
