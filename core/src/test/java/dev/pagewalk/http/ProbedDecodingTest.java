package dev.pagewalk.http;

import static dev.pagewalk.http.ResponseDecoderTest.response;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shape's probe runs on each element of the array it names, as the element is decoded. */
class ProbedDecodingTest {
  private final ResponseDecoder decoder = ResponseDecoder.defaults();
  private static final String PAGE =
      "{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"},{\"name\":\"c\"}],\"next\":\"c2\"}";
  private final List<Object> seen = new ArrayList<>();
  private final ElementProbe probe =
      new ElementProbe() {
        @Override
        public Object probe(Object item) {
          seen.add(item);
          return item instanceof Map<?, ?> m ? m.get("id") : null;
        }

        @Override
        public long mark(Object probed) {
          return probed instanceof Long n ? n * 10 : -1;
        }
      };
  private final ElementProbe other =
      new ElementProbe() {
        @Override
        public Object probe(Object item) {
          return null;
        }

        @Override
        public long mark(Object probed) {
          return 0;
        }
      };

  @Test
  void probesEachElementOfTheArrayAtItsPathAndDecodesTheSameValues() throws Exception {
    Shape plain =
        Shape.of(List.of(List.of("next"))).with(List.of("data"), Shape.of(List.of(List.of("id"))));
    Shape probed = plain.withProbe(List.of("data"), probe);

    Object body = decoder.decode(response("application/json", PAGE), ResponseType.JSON, probed);

    assertThat(body)
        .isEqualTo(decoder.decode(response("application/json", PAGE), ResponseType.JSON, plain));
    Object data = ((Map<?, ?>) body).get("data");
    assertThat(data).isInstanceOf(ProbedList.class);
    ProbedList.Probes found = ((ProbedList) data).probes(probe);
    assertThat(found.values()).startsWith(1L, 2L, null);
    assertThat(found.marks()).startsWith(10L, 20L, -1L);
    assertThat(seen).containsExactlyElementsOf((List<?>) data);
    assertThat(((ProbedList) data).probes(other)).as("another probe's results").isNull();
  }

  @Test
  void probesWholeItemsAndTheRootArrayToo() throws Exception {
    Shape probed = Shape.of(List.of(List.of())).withProbe(List.of(), probe);
    Object body =
        decoder.decodeStream(
            new java.io.ByteArrayInputStream("[{\"id\":7,\"x\":[1]},{\"id\":8}]".getBytes()),
            probed);

    assertThat(body).isEqualTo(List.of(Map.of("id", 7L, "x", List.of(1L)), Map.of("id", 8L)));
    assertThat(((ProbedList) body).probes(probe).values()).startsWith(7L, 8L);
  }

  @Test
  void anyChangeToTheListDropsItsProbes() throws Exception {
    Shape probed = Shape.of(List.of(List.of("data"))).withProbe(List.of("data"), probe);
    List<java.util.function.Consumer<ProbedList>> changes =
        List.of(
            l -> l.set(0, Map.of("id", 9L)),
            l -> l.remove(0),
            l -> l.add(Map.of()),
            l -> l.add(0, Map.of()),
            l -> l.sort((a, b) -> 0),
            l -> l.replaceAll(x -> x),
            l -> l.subList(0, 1).set(0, Map.of("id", 9L)),
            l -> l.clear());
    for (var change : changes) {
      ProbedList data =
          (ProbedList)
              ((Map<?, ?>)
                      decoder.decode(response("application/json", PAGE), ResponseType.JSON, probed))
                  .get("data");
      assertThat(data.probes(probe)).isNotNull();
      change.accept(data);
      assertThat(data.probes(probe)).isNull();
    }
  }

  @Test
  void nothingIsProbedWhereThePathIsNotAnArrayOrIsKeptWhole() throws Exception {
    Shape probed = Shape.of(List.of(List.of("next"))).withProbe(List.of("next"), probe);
    assertThat(decoder.decode(response("application/json", PAGE), ResponseType.JSON, probed))
        .isEqualTo(Map.of("next", "c2"));
    assertThat(seen).isEmpty();
    Shape whole = Shape.of(List.of(List.of()));
    assertThat(whole.withProbe(List.of("data"), probe)).isSameAs(whole);
    Shape skipped = Shape.of(List.of(List.of("next")));
    assertThat(skipped.withProbe(List.of("data"), probe)).isSameAs(skipped);
  }
}
