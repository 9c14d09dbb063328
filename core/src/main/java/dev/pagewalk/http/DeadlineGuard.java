package dev.pagewalk.http;

import dev.pagewalk.spi.Transport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request's hard deadline, redirects included: a timer that aborts the exchange in flight (what
 * the transport registered with {@link Transport.Exchange#onAbort}: closing its connection unblocks
 * a waiting connect or read) plus a clock check between reads of the body, which holds even against
 * a transport that registers nothing. Used by one calling thread; the timer fires on the {@link
 * Exchanger}'s scheduler thread.
 */
final class DeadlineGuard implements AutoCloseable {
  private final Duration deadline;
  private final long deadlineNanos;
  private final AtomicBoolean expired = new AtomicBoolean();
  private final AtomicReference<Runnable> inFlight = new AtomicReference<>();
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

  /** Makes {@code abort} the one run at the deadline; runs it at once if that has passed. */
  void watch(Runnable abort) {
    inFlight.set(abort);
    if (expired()) {
      abort.run();
    }
  }

  /** What one hop's transport is offered: this deadline's abort, and the policy checked. */
  Transport.Exchange exchange(NetworkPolicy network) {
    return new HopExchange(this, network);
  }

  /** Fails once the deadline has passed (before a hop is sent). */
  void check() throws DeadlineExceededException {
    check(bodyBytes);
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

  /** The deadline has passed: aborts the exchange in flight (called on the timer thread). */
  void expire() {
    expired.set(true);
    Runnable abort = inFlight.getAndSet(null);
    if (abort != null) {
      abort.run();
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
