package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.spi.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApacheTransportLimitsTest {
  static final Duration DEADLINE = Duration.ofMillis(300);

  final ApacheTransport apache = new ApacheTransport();
  final Exchanger transport = new Exchanger(apache);

  @AfterEach
  void stop() {
    transport.close();
    apache.close();
  }

  @Nested
  class Deadline {
    @Test
    void stopsADribblingServerAtTheDeadline() throws Exception {
      try (RawServer server =
          new RawServer(
              socket -> {
                RawServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
                for (int i = 0; i < 100; i++) {
                  RawServer.write(socket, "x");
                  Thread.sleep(50);
                }
              })) {
        long start = System.nanoTime();

        assertThatThrownBy(() -> transport.send(get(server), RequestLimits.of(DEADLINE)))
            .isInstanceOf(DeadlineExceededException.class)
            .hasMessageMatching("deadline of 300ms exceeded after \\d+ bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      }
    }

    @Test
    void stopsWaitingForAServerThatNeverAnswers() throws Exception {
      try (RawServer server = new RawServer(RawServer::awaitClientClose)) {
        long start = System.nanoTime();

        assertThatThrownBy(() -> transport.send(get(server), RequestLimits.of(DEADLINE)))
            .isInstanceOf(DeadlineExceededException.class)
            .hasMessage("deadline of 300ms exceeded after 0 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      }
    }

    @Test
    void leavesTheTransportUsableAfterADeadline() throws Exception {
      try (RawServer slow = new RawServer(RawServer::awaitClientClose);
          LoopbackServer fast = new LoopbackServer().on("/ok", LoopbackServer.text(200, "ok"))) {
        assertThatThrownBy(() -> transport.send(get(slow), RequestLimits.of(DEADLINE)))
            .isInstanceOf(DeadlineExceededException.class);

        HttpResponse response =
            transport.send(
                new HttpRequest("GET", fast.uri("/ok"), null, null), RequestLimits.of(DEADLINE));

        assertThat(response.status()).isEqualTo(200);
      }
    }
  }

  @Nested
  class BodyCap {
    @Test
    void refusesAContentLengthAboveTheCap() throws Exception {
      try (LoopbackServer server =
          new LoopbackServer()
              .on(
                  "/big",
                  (exchange, request) -> LoopbackServer.send(exchange, 200, new byte[70_000]))) {
        assertThatThrownBy(
                () ->
                    transport.send(
                        new HttpRequest("GET", server.uri("/big"), null, null),
                        new RequestLimits(DEADLINE, 65_536, 5)))
            .isInstanceOf(ResponseTooLargeException.class)
            .hasMessage("response body exceeds 65536 bytes (Content-Length 70000)");
      }
    }

    @Test
    void stopsAChunkedBodyAtTheCap() throws Exception {
      try (LoopbackServer server =
          new LoopbackServer()
              .on(
                  "/chunked",
                  (exchange, request) -> {
                    exchange.sendResponseHeaders(200, 0);
                    for (int i = 0; i < 20; i++) {
                      exchange.getResponseBody().write(new byte[10_000]);
                    }
                  })) {
        assertThatThrownBy(
                () ->
                    transport.send(
                        new HttpRequest("GET", server.uri("/chunked"), null, null),
                        new RequestLimits(Duration.ofSeconds(5), 65_536, 5)))
            .isInstanceOf(ResponseTooLargeException.class)
            .hasMessage("response body exceeds 65536 bytes");
      }
    }

    @Test
    void stopsAGzipBombAfterDecompressingTheCap() throws Exception {
      byte[] bomb = Gzip.zeros(10 * 1024 * 1024);
      try (LoopbackServer server =
          new LoopbackServer()
              .on(
                  "/bomb",
                  (exchange, request) -> {
                    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                    LoopbackServer.send(exchange, 200, bomb);
                  })) {
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThatThrownBy(
                () ->
                    transport.send(
                        new HttpRequest("GET", server.uri("/bomb"), null, null),
                        new RequestLimits(Duration.ofSeconds(5), 1024 * 1024, 5)))
            .isInstanceOf(ResponseTooLargeException.class)
            .hasMessage("response body exceeds 1048576 bytes");
      }
    }

    @Test
    void acceptsABodyExactlyAtTheCap() throws Exception {
      try (LoopbackServer server =
          new LoopbackServer()
              .on(
                  "/exact",
                  (exchange, request) -> LoopbackServer.send(exchange, 200, new byte[1000]))) {
        HttpResponse response =
            transport.send(
                new HttpRequest("GET", server.uri("/exact"), null, null),
                new RequestLimits(Duration.ofSeconds(5), 1000, 5));

        assertThat(response.body()).hasSize(1000);
      }
    }
  }

  static HttpRequest get(RawServer server) {
    return new HttpRequest("GET", server.uri("/"), null, null);
  }
}
