package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.spi.HttpRequest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that never finish their response head. Without limits HttpClient buffers the head until
 * the heap is gone, long before any deadline; with them the exchange fails at once.
 */
class HostileHeadersTest {
  /** Far longer than the bounded failures take, so reaching it means the head was not bounded. */
  static final RequestLimits LIMITS = RequestLimits.of(Duration.ofSeconds(8));

  final ApacheTransport apache = new ApacheTransport();
  final Exchanger transport = new Exchanger(apache);

  @AfterEach
  void stop() {
    transport.close();
    apache.close();
  }

  /** Writes {@code head}, then {@code unit} over and over until the client goes away. */
  static RawServer endless(String head, String unit) {
    byte[] repeated =
        unit.repeat(Math.max(1, 64 * 1024 / unit.length())).getBytes(StandardCharsets.ISO_8859_1);
    return new RawServer(
        socket -> {
          RawServer.write(socket, head);
          OutputStream out = socket.getOutputStream();
          while (true) {
            out.write(repeated);
          }
        });
  }

  @Test
  void anEndlessHeaderLineFailsAtOnce() throws Exception {
    try (RawServer server = endless("HTTP/1.1 200 OK\r\nX-Endless: ", "a")) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage("the response head has a line longer than 16384 characters (limit 16384)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void anEndlessStatusLineFailsAtOnce() throws Exception {
    try (RawServer server = endless("HTTP/1.1 200 ", "OK")) {
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage("the response head has a line longer than 16384 characters (limit 16384)");
    }
  }

  @Test
  void anEndlessStreamOfHeaderFieldsFailsAtOnce() throws Exception {
    try (RawServer server = endless("HTTP/1.1 200 OK\r\n", "X-More: yes\r\n")) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage("the response head has more than 200 header fields (limit 200)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void anEndlessChunkHeaderFailsAtOnce() throws Exception {
    try (RawServer server = endless("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "0")) {
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage(
              "a chunk header or trailer of the response has a line longer than 16384 characters (limit 16384)");
    }
  }

  @Test
  void aHeaderLineOneCharacterOverTheLimitFails() throws Exception {
    String field = "X-Long: " + "b".repeat(16384 - 7) + "\r\n";
    try (RawServer server =
        new RawServer(
            socket ->
                RawServer.write(
                    socket, "HTTP/1.1 200 OK\r\n" + field + "Content-Length: 2\r\n\r\nok"))) {
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage("the response head has a line longer than 16384 characters (limit 16384)");
    }
  }

  @Test
  void aHeadOneFieldOverTheLimitFails() throws Exception {
    try (RawServer server =
        new RawServer(
            socket ->
                RawServer.write(
                    socket,
                    "HTTP/1.1 200 OK\r\n"
                        + "X-Field: v\r\n".repeat(200)
                        + "Content-Length: 2\r\n\r\nok"))) {
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage("the response head has more than 200 header fields (limit 200)");
    }
  }

  @Test
  void aHeadWithinTheLimitsIsRead() throws Exception {
    String field = "X-Long: " + "b".repeat(16384 - 8) + "\r\n";
    try (RawServer server =
        new RawServer(
            socket ->
                RawServer.write(
                    socket,
                    "HTTP/1.1 200 OK\r\n"
                        + field
                        + "X-Field: v\r\n".repeat(200 - 2)
                        + "Content-Length: 2\r\n\r\nok"))) {
      HttpResponse response = transport.send(get(server), LIMITS);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
      assertThat(response.headers().all("X-Field")).hasSize(200 - 2);
    }
  }

  @Test
  void aRunAgainstAnEndlessHeadFailsOnceWithoutRetrying() throws Exception {
    try (RawServer server = endless("HTTP/1.1 200 OK\r\n", "X-More: yes\r\n")) {
      String spec =
          """
          pagewalk: 1
          name: endless-head
          baseUrl: %s
          request:
            url: /items
            response:
              iterate: "{{body.items}}"
          """
              .formatted(server.uri(""));
      long start = System.nanoTime();
      Runner.Collected c;
      try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
        c = runner.collect(Pagewalk.parse("endless-head.yaml", spec), RunInput.empty());
      }
      assertThat(c.result().stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(c.result().stats().requests()).isEqualTo(1);
      assertThat(c.result().stats().faults()).isEqualTo(Map.of(Fault.RESPONSE_TOO_LARGE, 1L));
      assertThat(c.result().failure().getMessage())
          .isEqualTo(
              "endless-head: GET "
                  + server.uri("/items")
                  + " failed (response-too-large): "
                  + "ResponseTooLargeException: the response head has more than 200 header fields (limit 200)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  static HttpRequest get(RawServer server) {
    return new HttpRequest("GET", server.uri("/"), null, null);
  }
}
