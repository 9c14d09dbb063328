package dev.pagewalk.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonConfigTest {
  @Test
  void writesDecimalsInPlainNotation() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("big", new BigDecimal("1E+3"));
    value.put("price", new BigDecimal("12.30"));
    value.put("tiny", new BigDecimal("-1E-7"));
    value.put("count", 3L);
    value.put("ratio", 0.5);

    assertThat(JsonConfig.MAPPER.writeValueAsString(value))
        .isEqualTo("{\"big\":1000,\"price\":12.30,\"tiny\":-0.0000001,\"count\":3,\"ratio\":0.5}");
  }

  @Test
  void readsDecimalsExactlyAsSentAlsoIntoTrees() throws Exception {
    Object plain = JsonConfig.MAPPER.readValue("{\"price\": 12.30, \"n\": 1e3}", Object.class);
    JsonNode tree = JsonConfig.MAPPER.readTree("{\"price\": 12.30}");

    assertThat(plain)
        .isEqualTo(Map.of("price", new BigDecimal("12.30"), "n", new BigDecimal("1e3")));
    assertThat(tree.get("price").decimalValue()).isEqualTo(new BigDecimal("12.30"));
    assertThat(JsonConfig.MAPPER.writeValueAsString(tree)).isEqualTo("{\"price\":12.30}");
  }

  @Test
  void writesDatesAsIsoTextNeverAsANumber() throws Exception {
    assertThat(JsonConfig.MAPPER.writeValueAsString(new Date(0)))
        .isEqualTo("\"1970-01-01T00:00:00.000+00:00\"");
  }

  @Test
  void aBuilderAddsItsOwnSettingsOnTopOfTheShared() throws Exception {
    String indented =
        JsonConfig.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(Map.of("big", new BigDecimal("1E+2")));

    assertThat(indented).isEqualTo("{\n  \"big\" : 100\n}");
  }
}
