package dev.pagewalk.http;

import static dev.pagewalk.http.ResponseDecoderTest.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records of a partly decoded page are compact maps that behave as any other map. */
class FieldMapTest {
  private final ResponseDecoder decoder = ResponseDecoder.defaults();

  private List<?> records(String page) throws Exception {
    Shape item = Shape.of(List.of(List.of("id"), List.of("name"), List.of("address", "city")));
    Object body =
        decoder.decode(
            response("application/json", page),
            ResponseType.JSON,
            Shape.of(List.of()).with(List.of("data"), item));
    return (List<?>) ((Map<?, ?>) body).get("data");
  }

  @Test
  void recordsAreFieldMapsInDecodedOrderEqualToAnyMapWithTheSameEntries() throws Exception {
    List<?> data =
        records(
            "{\"data\":[{\"name\":\"a\",\"skip\":1,\"id\":1,\"address\":{\"city\":\"X\"}},"
                + "{\"name\":\"b\",\"id\":2,\"address\":{\"city\":\"Y\"}},{\"id\":3},{\"id\":4,\"name\":null}]}");

    assertThat(data.get(0)).isInstanceOf(FieldMap.class);
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("name", "a");
    first.put("id", 1L);
    first.put("address", Map.of("city", "X"));
    assertThat(data.get(0)).isEqualTo(first).hasSameHashCodeAs(first);
    assertThat(new ArrayList<Object>(((Map<?, ?>) data.get(0)).keySet()))
        .containsExactly("name", "id", "address");
    assertThat(data.get(2)).isEqualTo(Map.of("id", 3L));
    Map<?, ?> fourth = (Map<?, ?>) data.get(3);
    assertThat(fourth.containsKey("name")).isTrue();
    assertThat(fourth.get("name")).isNull();
    assertThat(fourth.containsKey("address")).isFalse();
    assertThat(fourth.get(new String("id".toCharArray())))
        .as("a name that is not interned")
        .isEqualTo(4L);
    assertThat(fourth.get(42)).isNull();
  }

  @Test
  void aRecordRepeatingANameKeepsTheLastValueInTheFirstPlace() throws Exception {
    List<?> data =
        records("{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\",\"id\":3}]}");
    assertThat(new ArrayList<Object>(((Map<?, ?>) data.get(1)).entrySet()))
        .containsExactly(Map.entry("id", 3L), Map.entry("name", "b"));
  }

  @Test
  void isReadOnly() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> record = (Map<String, Object>) records("{\"data\":[{\"id\":1}]}").get(0);
    assertThatThrownBy(() -> record.put("id", 2L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> record.entrySet().iterator().next().setValue(2L))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
