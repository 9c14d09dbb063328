package dev.pagewalk.conformance.faults;

import dev.pagewalk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fake time line shared by the engine (its Clock and Sleeper) and the live-data mock (its
 * rate limiter and HTTP-date Retry-After): a wait advances the clock instead of sleeping, so the
 * suite proves Retry-After and pacing behaviour without waiting.
 */
final class FakeTime extends Clock implements Sleeper {
  private final AtomicLong millis = new AtomicLong(Instant.parse("2025-03-04T05:06:07Z").toEpochMilli());

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public void sleep(Duration duration) {
    if (!duration.isNegative()) {
      millis.addAndGet(duration.toMillis());
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
