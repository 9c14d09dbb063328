package dev.pagewalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.sink.RecordKeys;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class KeySetTest {
  @Test
  void holdsAMillionKeysInWellUnder100Megabytes() {
    KeySet keys = new KeySet();
    int added = 0;
    for (int i = 0; i < 1_000_000; i++) {
      added += keys.add("\"customer-" + i + "\"") ? 1 : 0;
    }
    int again = 0;
    for (int i = 0; i < 1_000_000; i += 7) {
      again += keys.add("\"customer-" + i + "\"") ? 1 : 0;
    }
    assertThat(added).isEqualTo(1_000_000);
    assertThat(again).isZero();
    assertThat(keys.size()).isEqualTo(1_000_000);
    assertThat(keys.tableBytes()).isLessThan(40L * 1024 * 1024);
  }

  @Test
  void treatsNumericallyEqualKeysAsOne() {
    KeySet keys = new KeySet();
    assertThat(keys.add(RecordKeys.canonical(1L))).isTrue();
    assertThat(keys.add(RecordKeys.canonical(new BigDecimal("1.00")))).isFalse();
    assertThat(keys.add(RecordKeys.canonical("1"))).isTrue();
  }
}
