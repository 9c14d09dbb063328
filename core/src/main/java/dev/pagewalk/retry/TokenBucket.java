package dev.pagewalk.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Client-side pacing for {@code rateLimit: {requests: N, per: P}}: a bucket of N tokens where every
 * token taken comes back exactly P after the request it paid for was sent.
 *
 * <p>Why not the textbook bucket that refills continuously at N/P: that one lets a full bucket
 * burst N requests and then N−1 more refills inside the same period — up to 2N−1 requests in one
 * window of P — which a server enforcing "N per P" over a sliding or fixed window answers with
 * 429s. Returning each token one period after its use guarantees that no window of length P ever
 * holds more than N requests, so a run paced to the limit stays inside every common server-side
 * definition of it, while still allowing a burst of N after a quiet period.
 *
 * <p>Time comes from the run's {@link Clock}; the bucket never sleeps itself: {@link #reserve()}
 * takes a token and says how long the caller must wait before sending (the engine waits through the
 * run's {@code Sleeper}, so tests with a fake clock wait no real time). Thread-safe, so one bucket
 * could also be shared by several runs.
 */
public final class TokenBucket {
  private final int capacity;
  private final Duration period;
  private final Clock clock;

  /** The instants at which the tokens in use were (or will be) spent, oldest first. */
  private final Deque<Instant> spent = new ArrayDeque<>();

  public TokenBucket(int capacity, Duration period, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, got " + period);
    }
    this.capacity = capacity;
    this.period = period;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public int capacity() {
    return capacity;
  }

  public Duration period() {
    return period;
  }

  /**
   * Takes a token for a request and returns how long to wait before sending it (zero when a token
   * is free now). The token counts as spent at the end of that wait, so callers must send the
   * request right after waiting.
   */
  public synchronized Duration reserve() {
    Instant now = clock.instant();
    while (!spent.isEmpty() && !spent.peekFirst().plus(period).isAfter(now)) {
      spent.removeFirst();
    }
    Instant sendAt = now;
    if (spent.size() >= capacity) {
      // the token spent `capacity` requests ago comes back one period after it was spent
      Instant back = spent.removeFirst().plus(period);
      if (back.isAfter(sendAt)) {
        sendAt = back;
      }
    }
    spent.addLast(sendAt);
    return Duration.between(now, sendAt);
  }

  /** Tokens free right now (for tests and diagnostics). */
  public synchronized int available() {
    Instant now = clock.instant();
    long inUse = spent.stream().filter(t -> t.plus(period).isAfter(now)).count();
    return (int) Math.max(0, capacity - inUse);
  }
}
