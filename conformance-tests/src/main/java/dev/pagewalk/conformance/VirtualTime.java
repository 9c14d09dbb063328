package dev.pagewalk.conformance;

import dev.pagewalk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One clock shared by the engine and the live-data mock, moved forward only by the engine's
 * sleeper. Retries, backoff and {@code Retry-After} waits then cost no real time, yet the mock's
 * rate-limit window and its HTTP-date {@code Retry-After} see exactly the time the engine waited: a
 * 429 is honoured, not merely retried too early. Starts at a fixed instant so runs repeat. Give it
 * to the runner as both clock and sleeper, and its {@link #millis()} to the mock. Thread-safe.
 */
public final class VirtualTime extends Clock implements Sleeper {
  public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private final AtomicLong millis = new AtomicLong(START.toEpochMilli());

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
