package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.spi.BrokenResponseException;
import dev.pagewalk.spi.BrokenResponseException.Kind;
import dev.pagewalk.spi.HttpRequest;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApacheTransportBrokenServerTest {
  static final RequestLimits LIMITS = RequestLimits.of(Duration.ofSeconds(5));

  final ApacheTransport apache = new ApacheTransport();
  final Exchanger transport = new Exchanger(apache);

  @AfterEach
  void stop() {
    transport.close();
    apache.close();
  }

  @Test
  void failsOnABodyShorterThanItsContentLength() throws Exception {
    try (RawServer server =
        new RawServer(
            socket ->
                RawServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"))) {
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOfSatisfying(
              BrokenResponseException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.TRUNCATED_BODY))
          .hasMessage(
              "Premature end of Content-Length delimited message body (expected: 100; received: 5)");
    }
  }

  @Test
  void failsOnAMalformedChunk() throws Exception {
    try (RawServer server =
        new RawServer(
            socket ->
                RawServer.write(
                    socket,
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n"))) {
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOfSatisfying(
              BrokenResponseException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_CHUNK))
          .hasMessage("Bad chunk header: zz");
    }
  }

  @Test
  void failsOnAConnectionReset() throws Exception {
    try (RawServer server =
        new RawServer(
            socket -> {
              RawServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial");
              Thread.sleep(50);
              socket.setSoLinger(true, 0);
            })) {
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOf(SocketException.class)
          .hasMessage("Connection reset");
    }
  }

  @Test
  void failsOnAnEmptyResponse() throws Exception {
    try (RawServer server = new RawServer(socket -> {})) {
      assertThatThrownBy(() -> transport.send(get(server), LIMITS))
          .isInstanceOfSatisfying(
              BrokenResponseException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.EMPTY_RESPONSE))
          .hasMessage("The target server failed to respond");
    }
  }

  static HttpRequest get(RawServer server) {
    return new HttpRequest("GET", server.uri("/"), null, null);
  }
}
