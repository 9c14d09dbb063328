package dev.pagewalk;

import java.time.Duration;

/**
 * Observes a run as it happens: every page accepted, every retry and every wait. Called on the
 * run's thread; implementations must be quick. All methods default to doing nothing.
 *
 * <p>In a run of a connector's streams ({@link Runner#runStreams}) each walk is a run of its own:
 * {@link #onStart} to {@link #onEnd}, with the stream's spec name ({@code spec/stream}), called
 * from the walk's thread, so calls of several walks may come at once; {@link #onWalkQueued} tells
 * of each walk before it starts.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** A listener that tells {@code a}, then {@code b}, everything. */
  static RunListener both(RunListener a, RunListener b) {
    return Listeners.both(a, b);
  }

  /**
   * The run starts; {@code runId} is its correlation id (also in the result and every log line).
   */
  default void onStart(String runId, String spec) {}

  /** A page was accepted; its records have been delivered. */
  default void onPage(PageEvent page) {}

  /** A request is about to be re-sent after {@code delay}. */
  default void onRetry(RetryEvent retry) {}

  /**
   * The run is about to pause for {@code duration}: a retry's backoff or {@code Retry-After}, a
   * rate limit (the spec's or the server's quota), or a delay the spec asks for between requests.
   */
  default void onWait(WaitReason why, Duration duration) {}

  /**
   * A connector run queued a walk of {@code stream}; it starts ({@link #onStart}) when a walk
   * thread takes it. Not called for a run of one request.
   */
  default void onWalkQueued(String stream) {}

  /** The run ended. */
  default void onEnd(RunResult result) {}

  /**
   * The listener of one walk of a connector run, told everything of that walk ({@link #onStart} to
   * {@link #onEnd}): {@code runId} is the connector run's id (its report's), {@code stream} and
   * {@code walk} name the walk ({@link StreamsResult.WalkResult#walk()}). By default this listener
   * itself; a listener that needs to know which walk an event belongs to returns one that does.
   */
  default RunListener forWalk(String runId, String stream, String walk) {
    return this;
  }

  /**
   * What a page brought. {@code request} is the sanitized method and URL; {@code items} counts what
   * {@code iterate} returned, {@code emitted} what was delivered after filtering and
   * de-duplication; {@code pagingState} is the {@code pagination} variable the request was built
   * with; {@code total} is the API's own total when the spec reads one.
   */
  record PageEvent(
      long page,
      String request,
      int status,
      int items,
      int emitted,
      long recordsSoFar,
      int attempts,
      int duplicates,
      Object firstKey,
      Object lastKey,
      java.util.Map<String, Object> pagingState,
      Object total,
      long durationMillis) {}

  /**
   * A failed attempt that will be retried: the sanitized request, the attempt that failed, what it
   * failed with (its {@link RunStats.FaultKind#label()} is the short name scripts match on) and the
   * wait before the next attempt.
   */
  record RetryEvent(String request, int attempt, RunStats.FaultKind cause, Duration delay) {}
}
