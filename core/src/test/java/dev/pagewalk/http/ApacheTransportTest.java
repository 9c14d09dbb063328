package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApacheTransportTest {
  static final RequestLimits LIMITS = RequestLimits.of(Duration.ofSeconds(5));

  final LoopbackServer server = new LoopbackServer();
  final ApacheTransport apache = new ApacheTransport();
  final Exchanger transport = new Exchanger(apache);

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  static Headers headers(String... nameValues) {
    List<Map.Entry<String, String>> list = new java.util.ArrayList<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      list.add(Map.entry(nameValues[i], nameValues[i + 1]));
    }
    return Headers.of(list);
  }

  @Nested
  class RoundTrip {
    @Test
    void sendsMethodHeadersAndBodyAndReturnsStatusHeadersAndBody() throws Exception {
      server.on(
          "/echo",
          (exchange, request) -> {
            exchange.getResponseHeaders().add("X-Reply", "one");
            exchange.getResponseHeaders().add("X-Reply", "two");
            LoopbackServer.send(
                exchange,
                201,
                ("got " + new String(request.body(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
          });
      HttpRequest request =
          new HttpRequest(
              "POST",
              server.uri("/echo?a=1"),
              headers("Content-Type", "application/json", "X-Custom", "v"),
              "{\"x\":1}".getBytes(StandardCharsets.UTF_8));

      HttpResponse response = transport.send(request, LIMITS);

      assertThat(response.status()).isEqualTo(201);
      assertThat(response.reason()).isEqualTo("Created");
      assertThat(response.headers().all("x-reply")).containsExactly("one", "two");
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("got {\"x\":1}");
      assertThat(response.uri()).isEqualTo(server.uri("/echo?a=1"));
      LoopbackServer.Received received = server.received().get(0);
      assertThat(received.method()).isEqualTo("POST");
      assertThat(received.pathAndQuery()).isEqualTo("/echo?a=1");
      assertThat(received.header("Content-Type")).isEqualTo("application/json");
      assertThat(received.header("X-Custom")).isEqualTo("v");
      assertThat(received.header("User-Agent")).isEqualTo("pagewalk/0.1");
    }

    @Test
    void returnsErrorStatusesAsResponses() throws Exception {
      server.on("/missing", LoopbackServer.text(404, "nope"));

      HttpResponse response =
          transport.send(new HttpRequest("GET", server.uri("/missing"), null, null), LIMITS);

      assertThat(response.status()).isEqualTo(404);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("nope");
    }

    @Test
    void keepsTheCallersUserAgent() throws Exception {
      server.on("/ua", LoopbackServer.text(200, "ok"));

      transport.send(
          new HttpRequest("GET", server.uri("/ua"), headers("User-Agent", "mine/1"), null), LIMITS);

      assertThat(server.received().get(0).header("User-Agent")).isEqualTo("mine/1");
    }

    @Test
    void decompressesGzipBodies() throws Exception {
      byte[] gz = Gzip.compress("hello gzip".getBytes(StandardCharsets.UTF_8));
      server.on(
          "/gz",
          (exchange, request) -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            LoopbackServer.send(exchange, 200, gz);
          });

      HttpResponse response =
          transport.send(new HttpRequest("GET", server.uri("/gz"), null, null), LIMITS);

      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello gzip");
      assertThat(server.received().get(0).header("Accept-Encoding")).contains("gzip");
    }
  }

  @Nested
  class Sharing {
    @Test
    void servesConcurrentCallersFromOneInstance() throws Exception {
      server.on(
          "/n",
          (exchange, request) ->
              LoopbackServer.send(
                  exchange, 200, request.pathAndQuery().getBytes(StandardCharsets.UTF_8)));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          String path = "/n?i=" + i;
          results.add(
              pool.submit(
                  () ->
                      new String(
                          transport
                              .send(new HttpRequest("GET", server.uri(path), null, null), LIMITS)
                              .body(),
                          StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 40; i++) {
          assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("/n?i=" + i);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void stopsItsDeadlineThreadOnClose() throws Exception {
      server.on("/a", LoopbackServer.text(200, "one"));
      Exchanger own = new Exchanger(apache);
      long others = deadlineThreads();
      own.send(new HttpRequest("GET", server.uri("/a"), null, null), LIMITS);
      assertThat(deadlineThreads()).isEqualTo(others + 1);

      own.close();

      assertThat(deadlineThreads()).isEqualTo(others);
    }

    private long deadlineThreads() {
      return Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("pagewalk-http-deadline") && t.isAlive())
          .count();
    }
  }

  @Nested
  class Pooling {
    @Test
    void reusesTheConnectionForConsecutiveCalls() throws Exception {
      server.on("/a", LoopbackServer.text(200, "one"));

      for (int i = 0; i < 3; i++) {
        transport.send(new HttpRequest("GET", server.uri("/a"), null, null), LIMITS);
      }

      assertThat(server.received())
          .extracting(LoopbackServer.Received::remotePort)
          .hasSize(3)
          .containsOnly(server.received().get(0).remotePort());
    }
  }
}
