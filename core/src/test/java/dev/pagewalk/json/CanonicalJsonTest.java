package dev.pagewalk.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.http.ResponseDecoder;
import dev.pagewalk.http.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An item's bytes are found canonical exactly when they are the line {@link JsonLinesWriter} writes
 * for the value the decoder makes of them: never when they differ (the copied line would differ
 * from today's), and for every form Jackson writes (else the copy never happens).
 */
class CanonicalJsonTest {
  private static final ResponseDecoder DECODER = ResponseDecoder.defaults();

  /** The line the writer writes for the decoded {@code json}, without its line feed. */
  static byte[] written(byte[] json) throws IOException {
    Object value = DECODER.decodeStream(new ByteArrayInputStream(json), Shape.ALL);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      writer.write(value);
    }
    byte[] line = out.toByteArray();
    return Arrays.copyOf(line, line.length - 1);
  }

  private static void assertVerdictMatchesTheWriter(byte[] json) throws IOException {
    byte[] written = written(json);
    boolean same = Arrays.equals(json, written);
    if (CanonicalJson.isCanonical(json, 0, json.length) != same) {
      assertThat(CanonicalJson.isCanonical(json, 0, json.length))
          .as("%s (written: %s)", utf8(json), utf8(written))
          .isEqualTo(same);
    }
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"id\":1,\"name\":\"Zoë ☃ 𝄞 😀\",\"ls\":\"\u2028\u2029\u007f\",\"empty\":\"\",\"\":0}",
        "{\"q\":\"a\\\"b\",\"bs\":\"a\\\\b\",\"nl\":\"a\\nb\",\"t\":\"\\t\\b\\f\\r\"}",
        "{\"ctl\":\"\\u0001\\u001F\\u0000\\u000B\\u007F\"}",
        "{\"big\":123456789012345678901234567890,\"neg\":-5,\"zero\":0,\"max\":9223372036854775807}",
        "{\"dec\":1.50,\"small\":0.000001,\"negdec\":-0.5,\"one\":1.0,\"z\":0.0,\"nz\":-0.01}",
        "{\"nested\":[[1,[2,[]]],{}],\"t\":true,\"f\":false,\"n\":null,\"o\":{\"a\":{\"b\":[{}]}}}",
        "[1,\"two\",{\"three\":3}]",
        "{\"ws\": 1}",
        "{ \"ws\":1}",
        "{\"ws\":1 }",
        "{\"ws\"\n:1}",
        "{\"ws\":[1, 2]}",
        "{\"ws\":\t{}}",
        "{\"ws\":1}\n",
        "{\"slash\":\"a\\/b\"}",
        "{\"esc\":\"\\u00e9\"}",
        "{\"esc\":\"\\u0041\"}",
        "{\"esc\":\"\\u001f\"}",
        "{\"esc\":\"\\u000a\"}",
        "{\"esc\":\"\\u0009\"}",
        "{\"esc\":\"\\ud83d\\ude00\"}",
        "{\"esc\\u0041\":1}",
        "{\"exp\":1e3}",
        "{\"exp\":1E3}",
        "{\"exp\":1.5e-3}",
        "{\"exp\":2E+2}",
        "{\"exp\":0e0}",
        "{\"negzero\":-0}",
        "{\"negzero\":-0.0}",
        "{\"negzero\":-0.000}",
        "{\"num\":[-0.10,10.01,-10,100]}",
      })
  void theVerdictIsWhetherTheWriterWritesTheSameBytes(String json) throws IOException {
    assertVerdictMatchesTheWriter(json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"id\":1,\"name\":\"Zoë ☃\",\"ls\":\"\u2028\"}",
        "{\"q\":\"a\\\"b\",\"nl\":\"a\\nb\",\"ctl\":\"\\u0001\\u001F\"}",
        "{\"dec\":1.50,\"big\":123456789012345678901234567890,\"negdec\":-0.5}",
        "{\"nested\":[[1,[2,[]]],{}],\"t\":true,\"f\":false,\"n\":null}",
      })
  void whatJacksonWritesIsFoundCanonical(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    assertThat(CanonicalJson.isCanonical(b, 0, b.length)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "{", "{}x", "1", "\"s\"", "{\"a\":1}{}", " {}", "{\"a\":\"b}"})
  void aRangeThatIsNotOneWholeObjectOrArrayIsNot(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    assertThat(CanonicalJson.isCanonical(b, 0, b.length)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "C0 80", // overlong NUL
        "E0 80 80", // overlong
        "ED A0 80", // a surrogate encoded in UTF-8
        "F4 90 80 80", // beyond U+10FFFF
        "F0 9D 84 9E", // U+1D11E, which Jackson writes as two escapes
        "80", // a stray continuation byte
        "C3", // cut short
      })
  void illFormedUtf8IsNot(String hex) {
    byte[] inner = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
    byte[] b = new byte[inner.length + 8];
    System.arraycopy("{\"s\":\"".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 6);
    System.arraycopy(inner, 0, b, 6, inner.length);
    System.arraycopy("\"}".getBytes(StandardCharsets.US_ASCII), 0, b, 6 + inner.length, 2);
    assertThat(CanonicalJson.isCanonical(b, 0, b.length)).isFalse();
  }

  /**
   * Each form at every offset of a long plain run, so it falls in any byte of an eight-byte word.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"\\\"", "\\\\", "\\n", "\\u0001", "\\/", "\\u00e9", "é", "☃", "😀", "\u007f"})
  void aFormAnywhereInALongStringGetsTheWritersVerdict(String form) throws IOException {
    for (int at = 0; at <= 17; at++) {
      String text = "a".repeat(at) + form + "b".repeat(20 - at);
      assertVerdictMatchesTheWriter(
          ("{\"" + text + "\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Random items, each written in a random mix of canonical and other forms. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void randomItemsGetTheWritersVerdict(long seed) throws IOException {
    Random random = new Random(seed);
    int canonical = 0;
    for (int n = 0; n < 2000; n++) {
      StringBuilder json = new StringBuilder();
      RandomJson.object(random, json, 0);
      byte[] b = json.toString().getBytes(StandardCharsets.UTF_8);
      assertVerdictMatchesTheWriter(b);
      canonical += CanonicalJson.isCanonical(b, 0, b.length) ? 1 : 0;
    }
    assertThat(canonical).as("both verdicts are exercised").isBetween(200, 1800);
  }
}
