package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record values become what Connect's schemaless converters accept, without losing a digit. */
class ConnectValuesTest {

  @Test
  void keepsPlainValuesAndTheKeyOrderOfMaps() {
    Map<Object, Object> value = new LinkedHashMap<>();
    value.put("z", 1);
    value.put("a", List.of("x", true, 2.5));
    value.put(3, null);

    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) ConnectValues.plain(value);

    assertThat(plain.keySet()).containsExactly("z", "a", "3");
    assertThat(plain.get("z")).isEqualTo(1);
    assertThat(plain.get("a")).isEqualTo(List.of("x", true, 2.5));
    assertThat(plain.get("3")).isNull();
  }

  @Test
  void turnsBigNumbersIntoLongsAndDoublesWhereTheyHoldThemExactly() {
    assertThat(ConnectValues.plain(new BigInteger("42"))).isEqualTo(42L);
    assertThat(ConnectValues.plain(new BigDecimal("1.50"))).isEqualTo(1.5);
    assertThat(ConnectValues.plain(new BigDecimal("120.00"))).isEqualTo(120L);
  }

  @Test
  void keepsTheDigitsOfNumbersNoLongOrDoubleHoldsAsText() {
    assertThat(ConnectValues.plain(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
    assertThat(ConnectValues.plain(new BigDecimal("0.1000000000000000000001")))
        .isEqualTo("0.1000000000000000000001");
  }
}
