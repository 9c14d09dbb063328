package dev.pagewalk.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.Sleeper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one stop reason a case folder cannot produce: an embedder interrupting the thread of a run.
 * The run must end with {@code cancelled}, keep the records of pages already accepted and send
 * nothing more — and not wait for a read-ahead request that is still out.
 */
class CancellationTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: slow-pages
      baseUrl: https://api.example.com
      request:
        url: /items
        response:
          iterate: "{{body.items}}"
        pagination:
          qs: {page: "{{pagination.page}}"}
          delay: 30s
      """;

  private static final String CURSOR_SPEC =
      """
      pagewalk: 1
      name: slow-second-page
      baseUrl: https://api.example.com
      request:
        url: /items
        response:
          iterate: "{{body.items}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  private WireMockServer api;

  @BeforeEach
  void start() {
    api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\": [{\"id\": 1}, {\"id\": 2}]}")));
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  void interruptingTheRunThreadDuringThePaginationDelayCancelsTheRun() throws Exception {
    Plan plan = Pagewalk.parse("slow-pages.yaml", SPEC);
    CountDownLatch firstPage = new CountDownLatch(1);
    List<Object> records = new ArrayList<>();
    AtomicReference<RunResult> result = new AtomicReference<>();
    try (Runner runner = Runner.builder().sleeper(Sleeper.SYSTEM).build()) {
      RunInput input = RunInput.empty().withBaseUrl(api.baseUrl());
      Thread run =
          new Thread(
              () ->
                  result.set(
                      runner.run(
                          plan,
                          input,
                          r -> {
                            records.add(r.value());
                            firstPage.countDown();
                          })));
      run.start();
      assertThat(firstPage.await(10, TimeUnit.SECONDS)).isTrue();
      run.interrupt();
      run.join(TimeUnit.SECONDS.toMillis(10));
      assertThat(run.isAlive()).as("run still going 10s after the interrupt").isFalse();
    }

    RunResult r = result.get();
    assertThat(r.stopReason().wireName()).isEqualTo("cancelled");
    assertThat(r.failure()).hasMessage("slow-pages: run cancelled");
    assertThat(r.stats().requests()).isEqualTo(1);
    assertThat(records).hasSize(2);
    assertThat(api.getAllServeEvents()).hasSize(1);
  }

  @Test
  void interruptingTheRunWhileItWaitsForASlowReadAheadCancelsItAtOnce() throws Exception {
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(
                aResponse()
                    .withFixedDelay(6_000)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\": [{\"id\": 3}]}")));
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", absent())
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\": [{\"id\": 1}, {\"id\": 2}], \"next\": \"c2\"}")));
    Plan plan = Pagewalk.parse("slow-second-page.yaml", CURSOR_SPEC);
    List<Object> records = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<RunResult> result = new AtomicReference<>();
    try (Runner runner = Runner.builder().build()) {
      RunInput input = RunInput.empty().withBaseUrl(api.baseUrl());
      Thread run =
          new Thread(() -> result.set(runner.run(plan, input, r -> records.add(r.value()))));
      run.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (api.getAllServeEvents().size() < 2 || records.size() < 2) {
        assertThat(System.nanoTime())
            .as("page 2 requested and page 1 written")
            .isLessThan(deadline);
        Thread.sleep(5);
      }
      long interrupted = System.nanoTime();
      run.interrupt();
      run.join(TimeUnit.SECONDS.toMillis(10));
      assertThat(run.isAlive()).as("run still going 10s after the interrupt").isFalse();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interrupted))
          .as("the run waited for the 6 s response it no longer wants")
          .isLessThan(4_000);
    }

    RunResult r = result.get();
    assertThat(r.stopReason().wireName()).isEqualTo("cancelled");
    assertThat(r.failure()).hasMessage("slow-second-page: run cancelled");
    assertThat(List.of(r.stats().requests(), r.stats().paginationRequests(), r.stats().pages()))
        .containsExactly(2L, 1L, 1L);
    assertThat(records).hasSize(2);
  }
}
