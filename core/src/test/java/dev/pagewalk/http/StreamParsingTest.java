package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.spi.BrokenResponseException;
import dev.pagewalk.spi.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A body parsed as it arrives: same bytes kept, same failures, a parse error falls back. */
class StreamParsingTest {
  private static final RequestLimits LIMITS = RequestLimits.of(Duration.ofSeconds(5));
  private final ApacheTransport apache = new ApacheTransport();
  private final Exchanger transport = new Exchanger(apache);
  private final ResponseDecoder decoder = ResponseDecoder.defaults();
  private final List<Integer> offered = new ArrayList<>();

  private final StreamParser json =
      new StreamParser() {
        @Override
        public boolean wants(int status, Headers headers) {
          offered.add(status);
          return status == 200 && ResponseDecoder.isUtf8Json(ResponseType.AUTOMATIC, headers);
        }

        @Override
        public Object parse(InputStream body) throws IOException {
          return decoder.decodeStream(body, Shape.ALL);
        }
      };

  @AfterEach
  void stop() {
    transport.close();
    apache.close();
  }

  private static String response(String status, String contentType, String body) {
    return "HTTP/1.1 "
        + status
        + "\r\nContent-Type: "
        + contentType
        + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  @Test
  void parsesJsonAsItArrivesAndStillKeepsTheWholeBody() throws Exception {
    String body = "{\"data\":[{\"id\":1},{\"id\":2}],\"next\":\"c2\"}  \n";
    try (RawServer server =
        new RawServer(s -> RawServer.write(s, response("200 OK", "application/json", body)))) {
      Parsed p = transport.send(ApacheTransportBrokenServerTest.get(server), LIMITS, json);
      assertThat(p.parsed()).isTrue();
      assertThat(p.value())
          .isEqualTo(Map.of("data", List.of(Map.of("id", 1L), Map.of("id", 2L)), "next", "c2"));
      assertThat(new String(p.response().body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }
  }

  @Test
  void aBodyThatDoesNotParseComesBackWholeAndUnparsedForTheUsualErrorPath() throws Exception {
    String body = "{\"data\":[{\"id\":1,}]} trailing";
    try (RawServer server =
        new RawServer(s -> RawServer.write(s, response("200 OK", "application/json", body)))) {
      Parsed p = transport.send(ApacheTransportBrokenServerTest.get(server), LIMITS, json);
      assertThat(p.parsed()).isFalse();
      assertThat(new String(p.response().body(), StandardCharsets.UTF_8)).isEqualTo(body);
      assertThatThrownBy(() -> decoder.decode(p.response(), ResponseType.AUTOMATIC))
          .isInstanceOf(MalformedBodyException.class)
          .hasMessageContaining("malformed JSON");
    }
  }

  @Test
  void aConnectionThatEndsEarlyFailsExactlyAsAWholeReadDoes() throws Exception {
    try (RawServer server =
        new RawServer(
            s ->
                RawServer.write(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"data\":[1,2"))) {
      assertThatThrownBy(
              () -> transport.send(ApacheTransportBrokenServerTest.get(server), LIMITS, json))
          .isInstanceOfSatisfying(
              BrokenResponseException.class,
              e -> assertThat(e.kind()).isEqualTo(BrokenResponseException.Kind.TRUNCATED_BODY))
          .hasMessage(
              "Premature end of Content-Length delimited message body (expected: 100; received: 12)");
    }
  }

  @Test
  void onlyResponsesTheParserWantsAreParsed() throws Exception {
    try (RawServer server =
        new RawServer(s -> RawServer.write(s, response("200 OK", "text/plain", "{\"a\":1}")))) {
      Parsed p = transport.send(ApacheTransportBrokenServerTest.get(server), LIMITS, json);
      assertThat(p.parsed()).isFalse();
      assertThat(offered).containsExactly(200);
    }
  }

  @Test
  void aBodyOverTheCapFailsAsBefore() throws Exception {
    String body = "[" + "1,".repeat(100) + "1]";
    try (RawServer server =
        new RawServer(
            s ->
                RawServer.write(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + Integer.toHexString(body.length())
                        + "\r\n"
                        + body
                        + "\r\n0\r\n\r\n"))) {
      assertThatThrownBy(
              () ->
                  transport.send(
                      ApacheTransportBrokenServerTest.get(server),
                      LIMITS.withMaxBodyBytes(50),
                      json))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage("response body exceeds 50 bytes");
    }
  }
}
