package dev.pagewalk;

import java.time.Duration;

/**
 * Observes a run as it happens: every page accepted, every retry and every wait. Called on the
 * run's thread; implementations must be quick. All methods default to doing nothing.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** A page was accepted; its records have been delivered. */
  default void onPage(PageEvent page) {}

  /** A request is about to be re-sent after {@code delay}. */
  default void onRetry(RetryEvent retry) {}

  /** The run is about to pause (pagination delay, rate limit, Retry-After). */
  default void onWait(String why, Duration duration) {}

  /** The run ended. */
  default void onEnd(RunResult result) {}

  /** What a page brought. {@code request} is the sanitized method and URL. */
  record PageEvent(
      long page, String request, int status, int items, int emitted, long recordsSoFar) {}

  /** A failed attempt that will be retried. */
  record RetryEvent(String request, int attempt, String cause, Duration delay) {}
}
