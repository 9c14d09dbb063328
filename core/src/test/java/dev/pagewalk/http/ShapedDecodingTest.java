package dev.pagewalk.http;

import static dev.pagewalk.http.ResponseDecoderTest.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding only what a shape names: the rest is skipped, yet must still be valid JSON. */
class ShapedDecodingTest {
  private final ResponseDecoder decoder = ResponseDecoder.defaults();
  private static final String PAGE =
      "{\"data\":[{\"id\":1,\"name\":\"a\",\"zip\":\"123\",\"address\":{\"city\":\"X\",\"street\":\"s\"},"
          + "\"tags\":[\"t\",{\"deep\":true}]},{\"id\":2,\"name\":\"b\",\"address\":null,\"tags\":[]}],"
          + "\"next\":\"c2\",\"meta\":{\"took\":5}}";

  @Test
  void keepsTheNamedPathsWholeBelowTheirLastKeyAndShapesEachElementOfAnArray() throws Exception {
    Shape item = Shape.of(List.of(List.of("id"), List.of("address", "city"), List.of("tags")));
    Shape shape = Shape.of(List.of(List.of("next"))).with(List.of("data"), item);

    Object body = decoder.decode(response("application/json", PAGE), ResponseType.JSON, shape);

    Map<String, Object> second = new java.util.LinkedHashMap<>();
    second.put("id", 2L);
    second.put("address", null); // a null where the shape expects an object stays null
    second.put("tags", List.of());
    assertThat(body)
        .isEqualTo(
            Map.of(
                "data",
                List.of(
                    Map.of(
                        "id",
                        1L,
                        "address",
                        Map.of("city", "X"),
                        "tags",
                        List.of("t", Map.of("deep", true))),
                    second),
                "next",
                "c2"));
  }

  @Test
  void theEmptyPathKeepsEverythingAndNoPathsKeepNoFields() throws Exception {
    assertThat(
            decoder.decode(
                response("application/json", PAGE),
                ResponseType.JSON,
                Shape.of(List.of(List.of()))))
        .isEqualTo(decoder.decode(response("application/json", PAGE), ResponseType.JSON));
    assertThat(
            decoder.decode(
                response("application/json", PAGE), ResponseType.JSON, Shape.of(List.of())))
        .isEqualTo(Map.of());
    assertThat(Shape.of(List.of(List.of("a", "b"), List.of("a"))).toString()).isEqualTo("{a=*}");
  }

  @Test
  void malformedOrTruncatedJsonInASkippedPartIsStillAnError() {
    Shape onlyNext = Shape.of(List.of(List.of("next")));
    assertThatThrownBy(
            () ->
                decoder.decode(
                    response("application/json", "{\"data\":[{\"id\":1,}],\"next\":\"c2\"}"),
                    ResponseType.JSON,
                    onlyNext))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(
            () ->
                decoder.decode(
                    response(
                        "application/json", "{\"next\":\"c2\",\"data\":[{\"id\":1,\"name\":\"ab"),
                    ResponseType.JSON,
                    onlyNext))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageContaining("truncated JSON");
  }

  @Test
  void recordsWithFieldsInAnyOrderAreShapedAlikeWhateverTheRecordBeforeThemHad() throws Exception {
    String page =
        "{\"data\":["
            + "{\"id\":1,\"x\":0,\"address\":{\"city\":\"A\",\"zip\":\"1\"}},"
            + "{\"id\":2,\"x\":0,\"address\":{\"city\":\"B\",\"zip\":\"2\"}},"
            + "{\"address\":{\"zip\":\"3\",\"city\":\"C\"},\"id\":3},"
            + "{\"x\":{\"id\":9},\"id\":4,\"address\":\"flat\"},"
            + "{\"id\":5,\"id\":6,\"address\":{\"city\":{\"deep\":[1]}}},"
            + "{\"id\":7,\"x\":0,\"address\":{\"city\":\"A\",\"zip\":\"1\"}}]}";
    Shape item = Shape.of(List.of(List.of("id"), List.of("address", "city")));
    Object body =
        decoder.decode(
            response("application/json", page),
            ResponseType.JSON,
            Shape.of(List.of()).with(List.of("data"), item));

    assertThat(body)
        .isEqualTo(
            Map.of(
                "data",
                List.of(
                    Map.of("id", 1L, "address", Map.of("city", "A")),
                    Map.of("id", 2L, "address", Map.of("city", "B")),
                    Map.of("address", Map.of("city", "C"), "id", 3L),
                    Map.of("id", 4L, "address", "flat"),
                    Map.of("id", 6L, "address", Map.of("city", Map.of("deep", List.of(1L)))),
                    Map.of("id", 7L, "address", Map.of("city", "A")))));
  }
}
