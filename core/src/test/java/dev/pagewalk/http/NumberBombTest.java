package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers whose exponent makes them enormous written out in full: {@code 1e999999999} is a billion
 * digits in plain notation. An API that sends one must fail its page, not the heap.
 */
class NumberBombTest {
  final ResponseDecoder decoder = ResponseDecoder.defaults();

  @Test
  void aDecimalTooLargeToWriteOutFailsThePage() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    ResponseDecoderTest.response("application/json", "{\"id\": 1e999999999}"),
                    ResponseType.AUTOMATIC))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessage(
            "JSON over a limit at line 1, column 8: number 1E+999999999 is too large to write out"
                + " in full: it has 1000000000 digits (limit 1000)");
  }

  @Test
  void theLargestExponentIsNamedNotOverflowed() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    ResponseDecoderTest.response("application/json", "[1e2147483647]"),
                    ResponseType.AUTOMATIC))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessage(
            "JSON over a limit at line 1, column 2: number 1E+2147483647 is too large to write out"
                + " in full: it has 2147483648 digits (limit 1000)");
  }

  @Test
  void anExponentBeyondAnIntIsOutOfRange() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    ResponseDecoderTest.response("application/json", "[1, 1e2147483648]"),
                    ResponseType.AUTOMATIC))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessage("JSON over a limit at line 1, column 5: number 1e2147483648 is out of range");
  }

  @Test
  void aTinyDecimalWithAHugeNegativeExponentFailsToo() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    ResponseDecoderTest.response("application/json", "[0e-999999999]"),
                    ResponseType.AUTOMATIC))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessage(
            "JSON over a limit at line 1, column 2: number 0E-999999999 is too large to write out"
                + " in full: it has 1000000000 digits (limit 1000)");
  }

  @Test
  void everyDoubleAndAThousandDigitsAreDecoded() throws Exception {
    Object body =
        decoder.decode(
            ResponseDecoderTest.response(
                "application/json", "[1.7976931348623157e308, 4.9e-324, 1e999, 1.50]"),
            ResponseType.AUTOMATIC);
    assertThat(body)
        .isEqualTo(
            List.of(
                new BigDecimal("1.7976931348623157e308"),
                new BigDecimal("4.9e-324"),
                new BigDecimal("1e999"),
                new BigDecimal("1.50")));
  }

  @Test
  void aRunWhoseKeyIsANumberBombFailsOnceWithAClearError() throws Exception {
    long start = System.nanoTime();
    assertThat(failureOfOnePage("{\"items\": [{\"id\": 1e999999999}]}"))
        .isEqualTo(
            "number-bomb: GET /items returned an unreadable body (malformed-body):"
                + " MalformedBodyException: JSON over a limit at line 1, column 19: number"
                + " 1E+999999999 is too large to write out in full: it has 1000000000 digits (limit"
                + " 1000)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  /**
   * The item is the record and its key is all the spec reads, so the number is skipped as the page
   * is decoded; the record decoded whole from its bytes meets it, and the page fails as when the
   * items were decoded whole in place, with the same message.
   */
  @Test
  void aDecimalTooLargeInAFieldNoExpressionReadsFailsThePageAsBefore() throws Exception {
    assertThat(failureOfOnePage("{\"items\": [{\"id\": 1, \"x\": 1e999999999}]}"))
        .isEqualTo(
            "number-bomb: GET /items returned an unreadable body (malformed-body):"
                + " MalformedBodyException: JSON over a limit at line 1, column 27: number"
                + " 1E+999999999 is too large to write out in full: it has 1000000000 digits (limit"
                + " 1000)");
  }

  /**
   * Runs a spec keyed by {@code item.id} over one page of {@code body}, checks that the run sent
   * one request, delivered nothing and stopped on one malformed body, and returns its failure's
   * message with the server's address taken out.
   */
  private static String failureOfOnePage(String body) throws Exception {
    try (LoopbackServer server =
        new LoopbackServer()
            .on(
                "/items",
                (exchange, request) -> {
                  exchange.getResponseHeaders().add("Content-Type", "application/json");
                  LoopbackServer.send(exchange, 200, body.getBytes());
                })) {
      String spec =
          """
          pagewalk: 1
          name: number-bomb
          baseUrl: %s
          request:
            url: /items
            response:
              iterate: "{{body.items}}"
              key: "{{item.id}}"
          """
              .formatted(server.uri(""));
      Runner.Collected c;
      try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
        c = runner.collect(Pagewalk.parse("number-bomb.yaml", spec), RunInput.empty());
      }
      assertThat(c.records()).isEmpty();
      assertThat(c.result().stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(c.result().stats().requests()).isEqualTo(1);
      assertThat(c.result().stats().faults()).isEqualTo(Map.of(Fault.MALFORMED_BODY, 1L));
      return c.result().failure().getMessage().replace(server.uri("/items").toString(), "/items");
    }
  }
}
