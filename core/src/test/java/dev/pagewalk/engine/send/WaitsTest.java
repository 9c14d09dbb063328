package dev.pagewalk.engine.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitsTest {
  @Test
  void sumsByReasonAndByKind() {
    Waits w = Waits.NONE
        .plus(WaitReason.RETRY, Duration.ofMillis(100))
        .plus(WaitReason.RATE_LIMIT, Duration.ofMillis(20))
        .plus(WaitReason.SERVER_QUOTA, Duration.ofMillis(3))
        .plus(WaitReason.PAGINATION_DELAY, Duration.ofMillis(400))
        .plus(WaitReason.REPEAT_DELAY, Duration.ofMillis(5000));
    assertThat(w.retry()).isEqualTo(Duration.ofMillis(100));
    assertThat(w.rateLimit()).isEqualTo(Duration.ofMillis(23));
    assertThat(w.delay()).isEqualTo(Duration.ofMillis(5400));
    assertThat(w.total()).isEqualTo(Duration.ofMillis(5523));
    assertThat(w.plus(w).total()).isEqualTo(Duration.ofMillis(11046));
  }

  @Test
  void noPositiveDurationIsNoWait() {
    assertThat(Waits.NONE.plus(WaitReason.RETRY, null)).isSameAs(Waits.NONE);
    assertThat(Waits.NONE.plus(WaitReason.RETRY, Duration.ZERO)).isSameAs(Waits.NONE);
    assertThat(Waits.NONE.plus(Waits.NONE)).isEqualTo(Waits.NONE);
  }

  @Test
  void listenersKeepTheTextTheyAlwaysGot() {
    assertThat(WaitReason.RETRY.label()).isEqualTo("retry");
    assertThat(WaitReason.RATE_LIMIT.label()).isEqualTo("rate limit");
    assertThat(WaitReason.SERVER_QUOTA.label()).isEqualTo("rate limit (server quota)");
    assertThat(WaitReason.PAGINATION_DELAY.label()).isEqualTo("pagination delay");
    assertThat(WaitReason.REPEAT_DELAY.label()).isEqualTo("repeat delay");
  }
}
