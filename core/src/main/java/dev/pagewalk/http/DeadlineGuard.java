package dev.pagewalk.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * One request's hard deadline: a timer that cancels the exchange in flight (closing its
 * connection, which unblocks a waiting read) plus a clock check between reads. Used by one
 * calling thread; the timer fires on the transport's scheduler thread.
 */
final class DeadlineGuard implements AutoCloseable {
  private final Duration deadline;
  private final long deadlineNanos;
  private final AtomicBoolean expired = new AtomicBoolean();
  private final AtomicReference<Cancellable> inFlight = new AtomicReference<>();
  private final DeadlineWatch watch;
  private long bodyBytes;

  private DeadlineGuard(Duration deadline, DeadlineWatch watch) {
    this.deadline = deadline;
    this.watch = deadline == null ? null : watch;
    if (deadline == null) {
      deadlineNanos = Long.MAX_VALUE;
    } else {
      deadlineNanos = System.nanoTime() + deadline.toNanos();
      watch.add(this);
    }
  }

  /** Starts the clock; a null deadline never expires. */
  static DeadlineGuard start(Duration deadline, DeadlineWatch watch) {
    return new DeadlineGuard(deadline, watch);
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  /** Makes {@code exchange} the one cancelled at the deadline; cancels it at once if passed. */
  void watch(Cancellable exchange) {
    inFlight.set(exchange);
    if (expired()) {
      exchange.cancel();
    }
  }

  boolean expired() {
    return expired.get() || (deadline != null && System.nanoTime() - deadlineNanos >= 0);
  }

  /** Records body bytes read so far (for the message) and fails once the deadline has passed. */
  void check(long bytesRead) throws DeadlineExceededException {
    bodyBytes = bytesRead;
    if (expired()) {
      throw exceeded(null);
    }
  }

  DeadlineExceededException exceeded(Throwable cause) {
    DeadlineExceededException e =
        new DeadlineExceededException(
            "deadline of " + format(deadline) + " exceeded after " + bodyBytes + " bytes");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** The deadline has passed: cancels the exchange in flight (called on the timer thread). */
  void expire() {
    expired.set(true);
    Cancellable exchange = inFlight.get();
    if (exchange != null) {
      exchange.cancel();
    }
  }

  static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 && ms > 0 ? ms / 1000 + "s" : ms + "ms";
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.remove(this);
    }
  }
}
