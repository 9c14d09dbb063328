package dev.pagewalk.engine.send;

import static org.assertj.core.api.Assertions.assertThat;

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
  void listenersKeepTheTextTheyAlwaysGot() {
    assertThat(Pause.RETRY.label()).isEqualTo("retry");
    assertThat(Pause.RATE_LIMIT.label()).isEqualTo("rate limit");
    assertThat(Pause.SERVER_QUOTA.label()).isEqualTo("rate limit (server quota)");
    assertThat(Pause.PAGINATION_DELAY.label()).isEqualTo("pagination delay");
    assertThat(Pause.REPEAT_DELAY.label()).isEqualTo("repeat delay");
  }
}
