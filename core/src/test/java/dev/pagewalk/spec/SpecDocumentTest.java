package dev.pagewalk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.pagewalk.Diagnostic;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpecDocumentTest {
  private static final String HEAD = "pagewalk: 1\nname: demo\n";

  private static SpecDocument read(String yaml) {
    return SpecReader.read("demo.yaml", yaml);
  }

  private static Map<String, Object> body(String flowMap) {
    return map(
        read(HEAD + "request:\n  url: /a\n  body: " + flowMap + "\n").plain("/request/body"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object plain) {
    return (Map<String, Object>) plain;
  }

  @Nested
  class Yaml12Scalars {
    @Test
    void keepsOnAsAKeyOfRetry() {
      SpecDocument doc = read(HEAD + "request: {url: /a}\nretry: {on: [429, io]}\n");
      assertThat(doc.tree().path("retry").has("on")).isTrue();
      assertThat(doc.plain("/retry/on")).isEqualTo(List.of(429L, "io"));
    }

    @Test
    void keepsYesNoOnOffAsStrings() {
      assertThat(body("{a: yes, b: no, c: on, d: off, e: y, f: N, g: Yes}"))
          .containsExactly(
              entry("a", "yes"),
              entry("b", "no"),
              entry("c", "on"),
              entry("d", "off"),
              entry("e", "y"),
              entry("f", "N"),
              entry("g", "Yes"));
    }

    @Test
    void readsOnlyTrueAndFalseAsBooleans() {
      assertThat(body("{a: true, b: True, c: TRUE, d: false, e: FALSE, f: tRUE}"))
          .containsExactly(
              entry("a", true),
              entry("b", true),
              entry("c", true),
              entry("d", false),
              entry("e", false),
              entry("f", "tRUE"));
    }

    @Test
    void readsNullTildeAndEmptyAsNull() {
      assertThat(body("{a: null, b: ~, c: , d: Null}"))
          .containsExactly(entry("a", null), entry("b", null), entry("c", null), entry("d", null));
    }

    @Test
    void readsDecimalOctalAndHexIntegersAndDecimals() {
      assertThat(
              body(
                  "{a: 42, b: -7, c: 0o17, d: 0x1F, e: 1.50, f: 1e3, "
                      + "g: 12345678901234567890, h: +3}"))
          .containsExactly(
              entry("a", 42L),
              entry("b", -7L),
              entry("c", 15L),
              entry("d", 31L),
              entry("e", new BigDecimal("1.50")),
              entry("f", new BigDecimal("1e3")),
              entry("g", new BigInteger("12345678901234567890")),
              entry("h", 3L));
    }

    @Test
    void keepsSexagesimalTimestampsAndOctal11AsStrings() {
      assertThat(body("{a: 1:20, b: 2024-01-31, c: 2024-01-31T10:00:00Z, d: 0b101}"))
          .containsExactly(
              entry("a", "1:20"),
              entry("b", "2024-01-31"),
              entry("c", "2024-01-31T10:00:00Z"),
              entry("d", "0b101"));
    }

    @Test
    void keepsQuotedScalarsAsStrings() {
      assertThat(body("{a: \"true\", b: '42', c: \"null\", d: ''}"))
          .containsExactly(
              entry("a", "true"), entry("b", "42"), entry("c", "null"), entry("d", ""));
    }

    @Test
    void readsAStatusKeyAsAString() {
      SpecDocument doc =
          read(HEAD + "request:\n  url: /a\n  response:\n    error:\n      404: {message: gone}\n");
      assertThat(doc.tree().at("/request/response/error").fieldNames().next()).isEqualTo("404");
      assertThat(doc.plain("/request/response/error/404/message")).isEqualTo("gone");
    }
  }

  @Nested
  class PlainData {
    @Test
    void givesMapsInSourceOrderListsAndExactNumbers() {
      Map<String, Object> map = body("{z: [1, 2.5, x], a: {b: true}}");
      assertThat(map).isInstanceOf(LinkedHashMap.class);
      assertThat(map.keySet()).containsExactly("z", "a");
      assertThat(map.get("z"))
          .isInstanceOf(ArrayList.class)
          .isEqualTo(Arrays.asList(1L, new BigDecimal("2.5"), "x"));
      assertThat(map.get("a")).isEqualTo(Map.of("b", true));
    }

    @Test
    void givesNullForAnAbsentPointer() {
      assertThat(read(HEAD + "request: {url: /a}\n").plain("/request/pagination")).isNull();
    }

    @Test
    void givesTheWholeDocumentForTheEmptyPointer() {
      assertThat(map(read(HEAD + "request: {url: /a}\n").plain("")))
          .containsOnlyKeys("pagewalk", "name", "request");
    }

    @Test
    void unescapesPointerTokens() {
      SpecDocument doc = read(HEAD + "request:\n  url: /a\n  qs: {\"a/b\": 1, \"c~d\": 2}\n");
      assertThat(doc.plain("/request/qs/a~1b")).isEqualTo(1L);
      assertThat(doc.plain("/request/qs/c~0d")).isEqualTo(2L);
    }
  }

  @Nested
  class Diagnostics {
    @Test
    void locatesAValueByPointer() {
      SpecDocument doc = read(HEAD + "request:\n  url: /a\n  method: POST\n");
      assertThat(doc.diagnostic("/request/method", "no body for POST", "add body").format())
          .isEqualTo(
              """
              demo.yaml:5:11: no body for POST (at /request/method)
                  method: POST
                          ^
                hint: add body""");
    }

    @Test
    void locatesAMissingValueAtItsNearestParent() {
      SpecDocument doc = read(HEAD + "request:\n  url: /a\n");
      Diagnostic d = doc.diagnostic("/request/pagination/delay", "too fast", null);
      assertThat(d.headline()).isEqualTo("demo.yaml:4:3: too fast");
      assertThat(d.pointer()).isEqualTo("/request/pagination/delay");
    }

    @Test
    void escapesPointersOfKeysWithSlashes() {
      SpecDocument doc = read(HEAD + "request:\n  url: /a\n  qs: {\"a/b\": 1}\n");
      assertThat(doc.diagnostic("/request/qs/a~1b", "bad", null).headline())
          .isEqualTo("demo.yaml:5:15: bad");
    }
  }

  @Nested
  class OffsetsInScalars {
    private Diagnostic at(String urlLine, int offset) {
      return read(HEAD + "request:\n" + urlLine + "\n")
          .diagnostic("/request/url", offset, "unknown variable", null);
    }

    @Test
    void countsFromTheFirstCharacterOfAPlainScalar() {
      assertThat(at("  url: /v1/{{nope}}", 6).format())
          .isEqualTo(
              """
          demo.yaml:4:14: unknown variable (at /request/url)
              url: /v1/{{nope}}
                         ^""");
    }

    @Test
    void skipsTheOpeningSingleQuote() {
      assertThat(at("  url: '/v1/{{nope}}'", 6).column()).isEqualTo(15);
    }

    @Test
    void skipsTheOpeningDoubleQuote() {
      assertThat(at("  url: \"/v1/{{nope}}\"", 6).column()).isEqualTo(15);
    }

    @Test
    void accountsForEscapesInDoubleQuotes() {
      assertThat(at("  url: \"\\u00e9/{{nope}}\"", 4).column()).isEqualTo(18);
    }

    @Test
    void accountsForDoubledSingleQuotes() {
      assertThat(at("  url: 'it''s/{{nope}}'", 7).column()).isEqualTo(17);
    }

    @Test
    void findsTheLineInALiteralBlock() {
      Diagnostic d =
          read(HEAD + "request:\n  url: /a\n  body: |\n    first line\n    {{nope}}\n")
              .diagnostic("/request/body", 13, "unknown variable", null);
      assertThat(d.headline()).isEqualTo("demo.yaml:7:7: unknown variable");
      assertThat(d.sourceLine()).isEqualTo("    {{nope}}");
    }

    @Test
    void findsTheLineInAMultiLinePlainScalar() {
      Diagnostic d =
          read(HEAD + "request:\n  url: /a\n  body: first\n    {{nope}}\n")
              .diagnostic("/request/body", 8, "unknown variable", null);
      assertThat(d.headline()).isEqualTo("demo.yaml:6:7: unknown variable");
    }
  }
}
