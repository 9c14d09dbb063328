package dev.pagewalk.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.http.ApacheTransport;
import dev.pagewalk.http.TransportConfig;
import dev.pagewalk.sink.ForwardingSink;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that ends while a page is on its way to the destination counts only what the destination
 * accepted: {@code recordsEmitted} and {@code pages} never include a page whose write failed; a
 * cancel that arrives with a page lets that page be written whole (a file channel would fail half
 * way if the interrupt reached it); {@code requests} includes a read-ahead the server saw.
 */
class CountsOnFailureTest {
  static final String SPEC =
      """
      pagewalk: 1
      name: two-pages
      baseUrl: https://api.example.com
      request:
        url: /items
        response:
          iterate: "{{body.items}}"
          key: "{{item.id}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  @TempDir Path dir;
  private WireMockServer api;
  private Plan plan;
  private Path out;

  @BeforeEach
  void start() {
    api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", absent())
            .willReturn(okJson("{\"items\": [{\"id\": 1}, {\"id\": 2}], \"next\": \"c2\"}")));
    api.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(okJson("{\"items\": [{\"id\": 3}]}")));
    plan = Pagewalk.parse("two-pages.yaml", SPEC);
    out = dir.resolve("out.jsonl");
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  private RunResult sync(Runner runner, FailingOn sink) {
    return runner.sync(plan, RunInput.empty().withBaseUrl(api.baseUrl()), sink, false);
  }

  @Test
  void aWriteThatFailsOnPage1CountsNoRecord() throws Exception {
    RunResult r;
    try (Runner runner = Runner.builder().build();
        FailingOn sink = new FailingOn(1, sink())) {
      r = sync(runner, sink);
    }
    assertThat(r.failure()).hasMessage("two-pages: writing to the sink failed: disk full");
    assertThat(r.failure().code()).isEqualTo(dev.pagewalk.ErrorCode.SINK_WRITE);
    assertThat(Files.readAllLines(out)).isEmpty();
    assertThat(List.of(r.stats().recordsEmitted(), r.stats().pages(), r.stats().recordsReceived()))
        .containsExactly(0L, 0L, 2L);
    assertThat(r.report().records()).containsEntry("emitted", 0L);
  }

  @Test
  void aWriteThatFailsOnPage2CountsPage1Only() throws Exception {
    RunResult r;
    try (Runner runner = Runner.builder().build();
        FailingOn sink = new FailingOn(2, sink())) {
      r = sync(runner, sink);
    }
    assertThat(Files.readAllLines(out)).containsExactly("{\"id\":1}", "{\"id\":2}");
    assertThat(List.of(r.stats().recordsEmitted(), r.stats().pages(), r.stats().recordsReceived()))
        .containsExactly(2L, 1L, 3L);
    assertThat(r.stats().requests()).isEqualTo(api.getAllServeEvents().size()).isEqualTo(2);
  }

  @Test
  void aReadAheadTheServerSawCountsAsARequestWhenTheWriteFails() throws Exception {
    RunResult r;
    FailingOn failing =
        new FailingOn(1, sink()) {
          @Override
          void beforeFailing() throws IOException {
            awaitRequests(2);
          }
        };
    try (Runner runner = Runner.builder().build();
        failing) {
      r = sync(runner, failing);
    }
    assertThat(r.stats().requests()).isEqualTo(2);
    assertThat(r.stats().paginationRequests()).isEqualTo(1);
    assertThat(List.of(r.stats().recordsEmitted(), r.stats().pages())).containsExactly(0L, 0L);
    assertThat(r.stats().bytesReceived())
        .isEqualTo(
            api.getAllServeEvents().stream()
                .filter(e -> !e.getRequest().getUrl().contains("cursor="))
                .mapToLong(e -> e.getResponse().getBody().length)
                .sum());
  }

  @Test
  void aCancelBetweenAcceptingAPageAndWritingItStillWritesThatPageWholeThenStops()
      throws Exception {
    Thread runThread = Thread.currentThread();
    Transport interruptsAfterPage1 =
        new Transport() {
          final ApacheTransport http = new ApacheTransport(TransportConfig.defaults());

          @Override
          public Response send(HttpRequest request, Exchange exchange) throws IOException {
            Response response = http.send(request, exchange);
            if (Thread.currentThread() == runThread) {
              runThread.interrupt(); // as a signal handler would, once the response is in
            }
            return response;
          }

          @Override
          public void close() {
            http.close();
          }
        };
    RunResult r;
    try (Runner runner = Runner.builder().transport(interruptsAfterPage1).build();
        FailingOn sink = new FailingOn(99, sink())) {
      r = sync(runner, sink);
    } finally {
      Thread.interrupted();
      interruptsAfterPage1.close();
    }
    assertThat(r.stopReason().wireName()).isEqualTo("cancelled");
    assertThat(r.failure()).hasMessage("two-pages: run cancelled");
    assertThat(Files.readAllLines(out)).containsExactly("{\"id\":1}", "{\"id\":2}");
    assertThat(List.of(r.stats().recordsEmitted(), r.stats().pages(), r.stats().requests()))
        .containsExactly(2L, 1L, 1L);
    assertThat(api.getAllServeEvents()).hasSize(1);
  }

  @Test
  void aConsumerThatFailsMidPageCountsTheRecordsItTook() {
    List<Object> taken = new ArrayList<>();
    RunResult r;
    try (Runner runner = Runner.builder().build()) {
      r =
          runner.run(
              plan,
              RunInput.empty().withBaseUrl(api.baseUrl()),
              (OutputRecord rec) -> {
                if (taken.size() == 1) {
                  throw new IllegalStateException("consumer is full");
                }
                taken.add(rec.value());
              });
    }
    assertThat(r.failure()).hasMessage("two-pages: consumer is full");
    assertThat(taken).hasSize(1);
    assertThat(r.stats().recordsEmitted()).isEqualTo(1);
    assertThat(r.stats().pages()).isEqualTo(0);
  }

  private JsonLinesSink sink() {
    return JsonLinesSink.toFile(out, dir.resolve("state"));
  }

  private void awaitRequests(int n) throws IOException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (api.getAllServeEvents().size() < n) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the read-ahead never reached the server");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    }
  }

  /** A JSON Lines file whose {@code failOn}-th write fails, as a full disk would. */
  static class FailingOn extends ForwardingSink implements AutoCloseable {
    private final int failOn;
    private int writes;

    FailingOn(int failOn, JsonLinesSink delegate) {
      super(delegate);
      this.failOn = failOn;
    }

    void beforeFailing() throws IOException {}

    @Override
    public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
      if (++writes == failOn) {
        beforeFailing();
        throw new IOException("disk full");
      }
      super.write(records, after);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
