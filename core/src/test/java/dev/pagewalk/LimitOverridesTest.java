package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitOverridesTest {
  @Test
  void noneLeavesEverySpecValue() {
    assertThat(LimitOverrides.NONE).isEqualTo(new LimitOverrides(null, null, null, null));
  }

  @Test
  void eachWitherSetsItsOwnLimitAndKeepsTheOthers() {
    LimitOverrides o =
        LimitOverrides.NONE
            .withMaxRecords(10)
            .withMaxRequests(5)
            .withMaxPaginationRequests(LimitOverrides.UNLIMITED)
            .withTimeout(Duration.ofSeconds(30));

    assertThat(o).isEqualTo(new LimitOverrides(5L, Long.MAX_VALUE, 10L, Duration.ofSeconds(30)));
    assertThat(o.withMaxRecords(11).maxRequests()).isEqualTo(5L);
    assertThat(LimitOverrides.NONE.withTimeout(LimitOverrides.NO_TIMEOUT).timeout())
        .isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
  }
}
