package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one decoded body may cost: elements per array and estimated heap, on every decoding path.
 */
class DecodeBudgetTest {
  static final Shape ITEMS = Shape.of(List.of(List.of("items", "id")));

  static String objects(int n) {
    return "{\"items\":[" + "{\"id\":1},".repeat(n - 1) + "{\"id\":1}]}";
  }

  static HttpResponse json(String body) {
    return ResponseDecoderTest.response("application/json", body);
  }

  @Test
  void anArrayOverTheElementCapFailsWherever() {
    ResponseDecoder decoder = new ResponseDecoder(200, 1000, 3, Long.MAX_VALUE);
    for (Shape shape : List.of(Shape.ALL, ITEMS)) {
      assertThatThrownBy(() -> decoder.decode(json(objects(4)), ResponseType.JSON, shape))
          .as(shape.toString())
          .isInstanceOf(MalformedBodyException.class)
          .hasMessage(
              "JSON over a limit at line 1, column 39: an array has more than 3 elements (limit 3)");
    }
  }

  @Test
  void anArrayAtTheElementCapIsDecoded() throws Exception {
    ResponseDecoder decoder = new ResponseDecoder(200, 1000, 3, Long.MAX_VALUE);
    Object body = decoder.decode(json(objects(3)), ResponseType.JSON, ITEMS);
    assertThat(((Map<?, ?>) body).get("items")).asList().hasSize(3);
  }

  @Test
  void manyShortArraysFailOnTheEstimatedHeap() {
    ResponseDecoder decoder = new ResponseDecoder(200, 1000, 1000, 10 * 1024);
    String nested = "[" + "[{},{},{}],".repeat(100) + "[]]";
    assertThatThrownBy(() -> decoder.decode(json(nested), ResponseType.JSON))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageStartingWith("JSON over a limit at line 1, column ")
        .hasMessageEndingWith(
            ": decoded, the body would take more than 10 KiB of memory (limit 10 KiB)");
  }

  @Test
  void partsTheShapeSkipsCostNothing() throws Exception {
    ResponseDecoder decoder = new ResponseDecoder(200, 1000, 3, 1024);
    String body =
        "{\"skipped\":["
            + ("{\"a\":\"" + "x".repeat(100) + "\"},").repeat(999)
            + "{}],\"items\":[{\"id\":1}]}";
    Object decoded = decoder.decode(json(body), ResponseType.JSON, ITEMS);
    assertThat(decoded).isEqualTo(Map.of("items", List.of(Map.of("id", 1L))));
  }

  @Test
  void aStreamedBodyHasTheSameBudget() {
    ResponseDecoder decoder = new ResponseDecoder(200, 1000, 3, Long.MAX_VALUE);
    assertThatThrownBy(
            () ->
                decoder.decodeStream(
                    new ByteArrayInputStream(objects(4).getBytes(StandardCharsets.UTF_8)), ITEMS))
        .isInstanceOf(DecodeBudget.Exceeded.class)
        .hasMessageStartingWith("an array has more than 3 elements (limit 3)");
  }

  @Test
  void theDefaultBudgetIsAQuarterOfTheHeapAndAMillionElements() {
    assertThat(ResponseDecoder.defaultMaxDecodedBytes())
        .isEqualTo(Runtime.getRuntime().maxMemory() / 4);
    assertThat(ResponseDecoder.DEFAULT_MAX_ARRAY_ELEMENTS).isEqualTo(1_000_000);
  }
}
