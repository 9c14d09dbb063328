package dev.pagewalk.engine.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySetTest {
  @Test
  void holdsAMillionKeysInWellUnder100Megabytes() {
    KeySet keys = new KeySet();
    int added = 0;
    for (int i = 0; i < 1_000_000; i++) {
      added += keys.add("customer-" + i) ? 1 : 0;
    }
    int again = 0;
    for (int i = 0; i < 1_000_000; i += 7) {
      again += keys.add("customer-" + i) ? 1 : 0;
    }
    assertThat(added).isEqualTo(1_000_000);
    assertThat(again).isZero();
    assertThat(keys.size()).isEqualTo(1_000_000);
    assertThat(keys.tableBytes()).isLessThanOrEqualTo(16L * 1024 * 1024);
  }

  @Test
  void numericIdsDoNotCollideOverAMillionValues() {
    KeySet keys = new KeySet();
    int added = 0;
    for (long i = 0; i < 1_000_000; i++) {
      added += keys.add(i * 1_000_003L) ? 1 : 0;
    }
    assertThat(added).isEqualTo(1_000_000);
  }

  @Test
  void treatsNumericallyEqualKeysAsOneAndTextAsAnother() {
    KeySet keys = new KeySet();
    assertThat(keys.add(1L)).isTrue();
    assertThat(keys.add(new BigDecimal("1.00"))).isFalse();
    assertThat(keys.add(BigInteger.ONE)).isFalse();
    assertThat(keys.add(1)).isFalse();
    assertThat(keys.add("1")).isTrue();
    assertThat(keys.add(new BigDecimal("1.5"))).isTrue();
    assertThat(keys.add(new BigDecimal("1.50"))).isFalse();
    assertThat(keys.add(List.of(1L, "a"))).isTrue();
    assertThat(keys.add(List.of(new BigDecimal("1.0"), "a"))).isFalse();
  }

  /** A key a database hands back as its stored text is the same key as the one delivered. */
  @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0}")
  @org.junit.jupiter.params.provider.MethodSource("keys")
  void aKeyReadBackAsItsCanonicalTextIsTheSameKey(Object key) {
    KeySet keys = new KeySet();
    assertThat(keys.addCanonical(dev.pagewalk.json.RecordKeys.canonical(key))).isTrue();
    assertThat(keys.add(key)).isFalse();
    assertThat(keys.size()).isEqualTo(1);
  }

  static List<Object> keys() {
    return List.of(
        "rec1",
        "say \"hi\"\\",
        "",
        "ä\n",
        "1",
        7,
        -5L,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        BigInteger.ONE.shiftLeft(63),
        new BigInteger("-123456789012345678901234567890"),
        new BigDecimal("1.50"),
        new BigDecimal("2.000"),
        new BigDecimal("-0.001"),
        true,
        List.of("a", 1L, new BigDecimal("2.5")),
        java.util.Map.of("b", 2L, "a", "x"));
  }
}
