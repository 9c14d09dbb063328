package dev.pagewalk.conformance.livedata;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/** A sliding-window limiter over an injected millisecond clock; callers hold the handler's lock. */
final class RateLimiter {
  private final RateLimit limit;
  private final LongSupplier clock;
  private final Deque<Long> admitted = new ArrayDeque<>();

  RateLimiter(RateLimit limit, LongSupplier clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Empty when the request is admitted, else the whole seconds to wait (at least 1). */
  OptionalLong acquire() {
    long now = clock.getAsLong();
    while (!admitted.isEmpty() && admitted.peekFirst() <= now - limit.perMillis()) {
      admitted.removeFirst();
    }
    if (admitted.size() < limit.requests()) {
      admitted.addLast(now);
      return OptionalLong.empty();
    }
    long waitMillis = admitted.peekFirst() + limit.perMillis() - now;
    return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
  }
}
