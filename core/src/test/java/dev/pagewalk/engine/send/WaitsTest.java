package dev.pagewalk.engine.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.WaitReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitsTest {
  @Test
  void sumsByReasonAndByKind() {
    Waits w =
        Waits.NONE
            .plus(Pause.RETRY, Duration.ofMillis(100))
            .plus(Pause.RATE_LIMIT, Duration.ofMillis(20))
            .plus(Pause.SERVER_QUOTA, Duration.ofMillis(3))
            .plus(Pause.PAGINATION_DELAY, Duration.ofMillis(400))
            .plus(Pause.REPEAT_DELAY, Duration.ofMillis(5000));
    assertThat(w.retry()).isEqualTo(Duration.ofMillis(100));
    assertThat(w.rateLimit()).isEqualTo(Duration.ofMillis(23));
    assertThat(w.delay()).isEqualTo(Duration.ofMillis(5400));
    assertThat(w.total()).isEqualTo(Duration.ofMillis(5523));
    assertThat(w.plus(w).total()).isEqualTo(Duration.ofMillis(11046));
  }

  @Test
  void noPositiveDurationIsNoWait() {
    assertThat(Waits.NONE.plus(Pause.RETRY, null)).isSameAs(Waits.NONE);
    assertThat(Waits.NONE.plus(Pause.RETRY, Duration.ZERO)).isSameAs(Waits.NONE);
    assertThat(Waits.NONE.plus(Waits.NONE)).isEqualTo(Waits.NONE);
  }

  @Test
  void eachPauseIsCountedAndAnnouncedAsItsWaitReason() {
    assertThat(Pause.RETRY.counted()).isEqualTo(WaitReason.RETRY);
    assertThat(Pause.RATE_LIMIT.counted()).isEqualTo(WaitReason.RATE_LIMIT);
    assertThat(Pause.SERVER_QUOTA.counted()).isEqualTo(WaitReason.RATE_LIMIT);
    assertThat(Pause.PAGINATION_DELAY.counted()).isEqualTo(WaitReason.DELAY);
    assertThat(Pause.REPEAT_DELAY.counted()).isEqualTo(WaitReason.DELAY);
  }
}
