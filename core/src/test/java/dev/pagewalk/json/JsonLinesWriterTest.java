package dev.pagewalk.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The writer's bytes are databind's for the same values. */
class JsonLinesWriterTest {
  private static final ObjectMapper DATABIND =
      new ObjectMapper().configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

  private static List<Object> values() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("id", 9_007_199_254_740_993L);
    nested.put("name", "Zoë \"quoted\" \\ tab\t line\n \u0001 ☃ 𝄞");
    nested.put("none", null);
    nested.put("amount", new BigDecimal("12.30"));
    nested.put("big", new BigDecimal("1E+3"));
    nested.put("tiny", new BigDecimal("-0.000001"));
    nested.put("huge", new BigInteger("123456789012345678901234567890"));
    nested.put("ratio", 0.1);
    nested.put("int", 7);
    nested.put("flags", Arrays.asList(true, false, null));
    nested.put("deep", Map.of("a", List.of(Map.of("b", List.of()))));
    Map<Object, Object> otherKeys = new LinkedHashMap<>();
    otherKeys.put(1L, "one");
    otherKeys.put(true, "yes");
    List<Object> values = new ArrayList<>();
    values.add(nested);
    values.add(otherKeys);
    values.add(List.of());
    values.add(Map.of());
    values.add("just text");
    values.add(null);
    values.add(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    values.add(-42L);
    return values;
  }

  @Test
  void writesEachValueOnItsOwnLineAsDatabindWouldWriteIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      for (Object v : values()) {
        writer.write(v);
      }
    }
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (Object v : values()) {
      expected.write(DATABIND.writeValueAsBytes(v));
      expected.write('\n');
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(expected.toString(StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("{\"id\":")
        .contains("\n{\"1\":\"one\"");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"big\":1000,");
  }

  @Test
  void writesTheSameJsonToACharacterStream() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter chars = new StringWriter();
    try (JsonLinesWriter toBytes = new JsonLinesWriter(bytes);
        JsonLinesWriter toChars = new JsonLinesWriter(chars)) {
      for (Object v : values()) {
        toBytes.write(v);
        toChars.write(v);
      }
    }
    // one difference, Jackson's: its UTF-8 generator escapes a character beyond the BMP as a
    // surrogate pair, its character generator leaves it as it is
    assertThat(chars.toString())
        .isEqualTo(
            bytes.toString(StandardCharsets.UTF_8).replace("\\uD834\\uDD1E", "\uD834\uDD1E"));
    assertThat(chars.toString()).contains("\uD834\uDD1E\"");
  }

  @Test
  void flushReachesTheStreamAndCloseLeavesItOpen() throws Exception {
    boolean[] closed = {false};
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    JsonLinesWriter writer = new JsonLinesWriter(out);
    writer.write(Map.of("a", 1L));
    assertThat(out.size()).isZero();
    writer.flush();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
    writer.close();
    assertThat(closed[0]).isFalse();
  }

  @Test
  void rawJsonIsCopiedAsItIsOverBytesAndOverCharactersWhateverItsLength() throws Exception {
    String big = "{\"s\":\"" + "é".repeat(6000) + "\"}";
    byte[] source = ("xx{\"a\":1}" + big + "yy").getBytes(StandardCharsets.UTF_8);
    RawJson small = new RawJson(source, 2, 9);
    RawJson large = new RawJson(source, 9, source.length - 2);
    String expected = "{\"a\":1}\n" + big + "\n{\"b\":2}\n" + big + "\n";

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter chars = new StringWriter();
    for (JsonLinesWriter w : List.of(new JsonLinesWriter(bytes), new JsonLinesWriter(chars))) {
      try (w) {
        w.write(small);
        w.write(large);
        w.write(Map.of("b", 2L));
        w.write(large);
      }
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(chars.toString()).isEqualTo(expected);
  }
}
