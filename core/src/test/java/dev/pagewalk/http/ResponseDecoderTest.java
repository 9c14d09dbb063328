package dev.pagewalk.http;

import static dev.pagewalk.http.ApacheTransportTest.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.spi.Headers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResponseDecoderTest {
  final ResponseDecoder decoder = ResponseDecoder.defaults();

  static HttpResponse response(String contentType, String body, Charset charset) {
    Headers h = contentType == null ? Headers.empty() : headers("Content-Type", contentType);
    return new HttpResponse(200, "OK", h, body.getBytes(charset), URI.create("http://x/"));
  }

  static HttpResponse response(String contentType, String body) {
    return response(contentType, body, StandardCharsets.UTF_8);
  }

  @Nested
  class Automatic {
    @Test
    void decodesJsonIntoPlainData() throws Exception {
      Object body =
          decoder.decode(
              response(
                  "application/json",
                  "{\"a\":1,\"b\":[1.50,true,null,\"x\"],\"big\":123456789012345678901234567890}"),
              ResponseType.AUTOMATIC);

      assertThat(body).isInstanceOf(LinkedHashMap.class);
      Map<?, ?> map = (Map<?, ?>) body;
      assertThat(map.get("a")).isEqualTo(1L);
      assertThat(map.get("b"))
          .isInstanceOf(ArrayList.class)
          .isEqualTo(java.util.Arrays.asList(new BigDecimal("1.50"), true, null, "x"));
      assertThat(map.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void treatsPlusJsonMediaTypesAsJson() throws Exception {
      assertThat(decoder.decode(response("application/problem+json; charset=utf-8", "[1]"), null))
          .isEqualTo(List.of(1L));
    }

    @Test
    void sniffsJsonWithoutContentType() throws Exception {
      assertThat(decoder.decode(response(null, "  {\"a\":\"b\"}"), ResponseType.AUTOMATIC))
          .isEqualTo(Map.of("a", "b"));
      assertThat(decoder.decode(response(null, "plain"), ResponseType.AUTOMATIC))
          .isEqualTo("plain");
    }

    @Test
    void decodesOtherContentTypesAsText() throws Exception {
      assertThat(
              decoder.decode(response("text/html", "{\"not\":\"json\"}"), ResponseType.AUTOMATIC))
          .isEqualTo("{\"not\":\"json\"}");
    }

    @Test
    void returnsNullForAnEmptyBody() throws Exception {
      assertThat(decoder.decode(response("application/json", ""), ResponseType.AUTOMATIC)).isNull();
      assertThat(decoder.decode(response("text/plain", ""), ResponseType.AUTOMATIC)).isNull();
    }
  }

  @Nested
  class Charsets {
    @Test
    void honoursTheContentTypeCharset() throws Exception {
      assertThat(
              decoder.decode(
                  response("text/plain; charset=ISO-8859-1", "café", StandardCharsets.ISO_8859_1),
                  ResponseType.TEXT))
          .isEqualTo("café");
      assertThat(
              decoder.decode(
                  response(
                      "application/json; charset=ISO-8859-1",
                      "[\"é\"]",
                      StandardCharsets.ISO_8859_1),
                  ResponseType.JSON))
          .isEqualTo(List.of("é"));
    }
  }

  @Nested
  class Malformed {
    @Test
    void namesLineAndColumnOfASyntaxError() {
      assertThatThrownBy(
              () ->
                  decoder.decode(
                      response("application/json", "{\n  \"a\": tru\n}"), ResponseType.JSON))
          .isInstanceOfSatisfying(
              MalformedBodyException.class, e -> assertThat(e.truncated()).isFalse())
          .hasMessage(
              "malformed JSON at line 2, column 8: Unrecognized token 'tru': was expecting "
                  + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void marksTruncatedJson() {
      assertThatThrownBy(
              () ->
                  decoder.decode(response("application/json", "{\"a\": [1, 2"), ResponseType.JSON))
          .isInstanceOfSatisfying(
              MalformedBodyException.class, e -> assertThat(e.truncated()).isTrue())
          .hasMessage(
              "truncated JSON at line 1, column 12: Unexpected end-of-input: "
                  + "expected close marker for Array (start marker at line 1, column 7)");
    }

    @Test
    void refusesTrailingGarbage() {
      assertThatThrownBy(
              () -> decoder.decode(response("application/json", "{} x"), ResponseType.JSON))
          .isInstanceOf(MalformedBodyException.class)
          .hasMessage(
              "malformed JSON at line 1, column 4: Unrecognized token 'x': was expecting "
                  + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void refusesNestingDeeperThanTheCap() {
      ResponseDecoder shallow = new ResponseDecoder(10, 1000);
      String deep = "[".repeat(11) + "]".repeat(11);

      assertThatThrownBy(
              () -> shallow.decode(response("application/json", deep), ResponseType.JSON))
          .isInstanceOf(MalformedBodyException.class)
          .hasMessage("JSON nesting depth exceeds 10");
    }

    @Test
    void refusesDeepNestingByDefault() throws Exception {
      assertThat(
              decoder.decode(
                  response("application/json", "[".repeat(200) + "]".repeat(200)),
                  ResponseType.JSON))
          .isNotNull();
      assertThatThrownBy(
              () ->
                  decoder.decode(
                      response("application/json", "[".repeat(201) + "]".repeat(201)),
                      ResponseType.JSON))
          .isInstanceOf(MalformedBodyException.class)
          .hasMessage("JSON nesting depth exceeds 200");
    }
  }

  @Test
  void refusesStringsLongerThanTheCap() {
    ResponseDecoder small = new ResponseDecoder(10, 5);

    assertThatThrownBy(
            () -> small.decode(response("application/json", "[\"123456\"]"), ResponseType.JSON))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessage(
            "JSON exceeds a size limit: String value length (6) exceeds the maximum allowed (5)");
  }

  @Test
  void readsTheSpecsTypeNamesAndOneItCannotReadAsAutomatic() throws Exception {
    assertThat(ResponseType.of("json")).isEqualTo(ResponseType.JSON);
    assertThat(ResponseType.of("TEXT")).isEqualTo(ResponseType.TEXT);
    assertThat(ResponseType.of("automatic")).isEqualTo(ResponseType.AUTOMATIC);
    assertThat(ResponseType.of("xml")).isEqualTo(ResponseType.AUTOMATIC);
    assertThat(decoder.decode(response("text/plain", "x"), ResponseType.of("xml"))).isEqualTo("x");
  }
}
