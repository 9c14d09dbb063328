package dev.pagewalk.http;

import static dev.pagewalk.http.UrlBuilderTest.qs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BodyEncoderTest {
  static String text(EncodedBody body) {
    return new String(body.bytes(), StandardCharsets.UTF_8);
  }

  static EncodedBody encode(Object value, String type) {
    return BodyEncoder.encode(value, BodyType.of(type)).orElseThrow();
  }

  @Nested
  class Json {
    @Test
    void writesPlainDataAsJson() {
      EncodedBody body =
          encode(
              qs("a", 1, "b", List.of(true, "x"), "c", null, "d", new BigDecimal("1E+3")), "json");

      assertThat(text(body)).isEqualTo("{\"a\":1,\"b\":[true,\"x\"],\"c\":null,\"d\":1000}");
      assertThat(body.contentType()).isEqualTo("application/json");
    }

    @Test
    void isTheDefaultType() {
      assertThat(BodyEncoder.encode("x", (BodyType) null).orElseThrow().contentType())
          .isEqualTo("application/json");
    }

    @Test
    void sendsNoBodyForNull() {
      assertThat(BodyEncoder.encode(null, BodyType.JSON)).isEmpty();
    }
  }

  @Nested
  class UrlEncoded {
    @Test
    void encodesAFlatMapRepeatingListKeysAndOmittingNulls() {
      EncodedBody body =
          encode(
              qs("name", "Jane Doe", "tag", Arrays.asList("a&b", null, "c"), "skip", null),
              "urlencoded");

      assertThat(text(body)).isEqualTo("name=Jane+Doe&tag=a%26b&tag=c");
      assertThat(body.contentType()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void refusesANonMap() {
      assertThatThrownBy(() -> encode(List.of(1), "urlencoded"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a urlencoded body must be a map of fields, got a list");
    }
  }

  @Nested
  class Text {
    @Test
    void sendsTheTextFormAsUtf8() {
      EncodedBody body = BodyEncoder.encode(42, BodyType.TEXT, v -> "n=" + v).orElseThrow();

      assertThat(text(body)).isEqualTo("n=42");
      assertThat(body.contentType()).isEqualTo("text/plain; charset=UTF-8");
    }
  }

  @Nested
  class Multipart {
    @Test
    void writesFieldsAndFileParts() {
      EncodedBody body =
          MultipartEncoder.encode(
              qs(
                  "title",
                  "Report",
                  "skip",
                  null,
                  "tags",
                  List.of("a", "b"),
                  "file",
                  Map.of(
                      "value", "col\n1", "filename", "data \"x\".csv", "contentType", "text/csv")),
              String::valueOf,
              "B0UND");

      assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=B0UND");
      assertThat(text(body))
          .isEqualTo(
              "--B0UND\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nReport\r\n"
                  + "--B0UND\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n"
                  + "--B0UND\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n"
                  + "--B0UND\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data %22x%22.csv\"\r\n"
                  + "Content-Type: text/csv\r\n\r\ncol\n1\r\n"
                  + "--B0UND--\r\n");
    }

    @Test
    void generatesAFreshBoundary() {
      EncodedBody body = encode(qs("a", "1"), "multipart");

      assertThat(body.contentType()).matches("multipart/form-data; boundary=pagewalk-[0-9a-f]{24}");
      String boundary = body.contentType().substring(body.contentType().indexOf('=') + 1);
      assertThat(text(body))
          .startsWith("--" + boundary + "\r\n")
          .endsWith("--" + boundary + "--\r\n");
    }
  }

  @Test
  void refusesAnUnknownType() {
    assertThatThrownBy(() -> BodyType.of("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown body type \"xml\" (expected json, urlencoded, text or multipart)");
  }

  @Test
  void allowsABodyForAllButGetHeadAndTrace() {
    assertThat(BodyEncoder.allowsBody("get")).isFalse();
    assertThat(BodyEncoder.allowsBody("HEAD")).isFalse();
    assertThat(BodyEncoder.allowsBody("POST")).isTrue();
    assertThat(BodyEncoder.allowsBody("DELETE")).isTrue();
  }
}
