package dev.pagewalk.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.json.PlainNumbers;
import dev.pagewalk.json.RecordKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys and output never write out a decimal whose plain form is enormous. */
class NumberBoundsTest {
  @Test
  void aKeyWithAHugeExponentHasNoCanonicalText() {
    assertThatThrownBy(() -> RecordKeys.canonical(new BigDecimal("1e999999999")))
        .isInstanceOf(PlainNumbers.NumberTooLargeException.class)
        .hasMessage(
            "number 1E+999999999 is too large to write out in full: it has 1000000000 digits (limit 1000)");
  }

  @Test
  void theLargestExponentIsNamedNotOverflowed() {
    assertThatThrownBy(() -> RecordKeys.canonical(List.of("a", new BigDecimal("1e2147483647"))))
        .isInstanceOf(PlainNumbers.NumberTooLargeException.class)
        .hasMessage(
            "number 1E+2147483647 is too large to write out in full: it has 2147483648 digits (limit 1000)");
  }

  @Test
  void keysUpToTheBoundAreWrittenOut() {
    assertThat(RecordKeys.canonical(new BigDecimal("1e999"))).isEqualTo("1" + "0".repeat(999));
    assertThat(RecordKeys.canonical(new BigDecimal("1.000e3"))).isEqualTo("1000");
    assertThat(RecordKeys.canonical(new BigDecimal("0e-999999999"))).isEqualTo("0");
  }

  @Test
  void theJsonLinesWriterRefusesAHugeExponent() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () -> {
              try (JsonLinesWriter w = new JsonLinesWriter(out)) {
                w.write(Map.of("amount", new BigDecimal("1e10000")));
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessage(
            "cannot write a record as JSON: number 1E+10000 is too large to write out in full:"
                + " it has 10001 digits (limit 1000)");
  }

  @Test
  void theJsonLinesWriterWritesUpToTheBound() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter w = new JsonLinesWriter(out)) {
      w.write(List.of(new BigDecimal("1e999"), new BigDecimal("-1e-998")));
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("[1" + "0".repeat(999) + ",-0." + "0".repeat(997) + "1]\n");
  }

  @Test
  void plainDigitsCountsWithoutWriting() {
    assertThat(PlainNumbers.plainDigits(new BigDecimal("12.30"))).isEqualTo(4);
    assertThat(PlainNumbers.plainDigits(new BigDecimal("0.005"))).isEqualTo(4);
    assertThat(PlainNumbers.plainDigits(new BigDecimal("1E+3"))).isEqualTo(4);
    assertThat(PlainNumbers.plainDigits(new BigDecimal("1e-2147483647"))).isEqualTo(2147483648L);
  }
}
