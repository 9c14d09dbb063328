package dev.pagewalk.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  /** A clock the test (or a sleeper) moves by hand. */
  static final class FakeClock extends Clock {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  @Test
  void aFullBucketLetsABurstThroughThenPacesToTheSlidingWindow() {
    FakeClock clock = new FakeClock();
    TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(10), clock);
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      clock.advance(bucket.reserve());
      sent.add(clock.instant());
      clock.advance(Duration.ofMillis(100));
    }
    // never more than 3 sends in any 10 s window
    for (int i = 3; i < sent.size(); i++) {
      assertThat(Duration.between(sent.get(i - 3), sent.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }
    assertThat(Duration.between(sent.get(0), sent.get(2))).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void tokensComeBackOnePeriodAfterUse() {
    FakeClock clock = new FakeClock();
    TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(1), clock);
    assertThat(bucket.reserve()).isZero();
    assertThat(bucket.reserve()).isZero();
    assertThat(bucket.available()).isZero();
    assertThat(bucket.reserve()).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(5));
    assertThat(bucket.available()).isEqualTo(2);
    assertThat(bucket.reserve()).isZero();
  }
}
