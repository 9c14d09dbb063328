package dev.pagewalk.engine.send;

import java.util.concurrent.Executor;

/**
 * Sends a call ahead of time ({@link #start}) through the links below it, and when the run then
 * asks for that same call (equal requests), answers with the attempt already under way instead of
 * sending it again. At most one read-ahead is in flight; it belongs to the run's thread.
 */
final class ReadAheadLink implements Link {
  private final Executor executor;
  private ReadAhead inFlight;

  /** {@code executor} null: the run reads nothing ahead. */
  ReadAheadLink(Executor executor) {
    this.executor = executor;
  }

  @Override
  public Attempt intercept(Chain chain) {
    ReadAhead ahead = inFlight;
    if (ahead == null) {
      return chain.proceed(chain.call());
    }
    if (!ahead.call().http().equals(chain.call().http())) {
      throw new IllegalStateException(
          "a read-ahead of "
              + ahead.call().display()
              + " is in flight, but the run asks for "
              + chain.call().display());
    }
    inFlight = null;
    return ahead.take();
  }

  /**
   * Starts {@code call} through {@code below} on the executor; nothing when the run has no
   * executor, the executor refuses, or the run's thread is interrupted (the page in hand is still
   * written, and the send that follows notices the interrupt).
   */
  void start(Call call, Chain below) {
    if (inFlight != null) {
      throw new IllegalStateException(
          "a read-ahead of " + inFlight.call().display() + " is already in flight");
    }
    if (executor == null || Thread.currentThread().isInterrupted()) {
      return;
    }
    inFlight = ReadAhead.start(executor, call, below);
  }

  /**
   * Gives up the read-ahead in flight, if any: the call it sent when its request had already gone
   * out (so it counts as sent), otherwise null.
   */
  Call withdraw() {
    ReadAhead ahead = inFlight;
    inFlight = null;
    return ahead != null && ahead.withdraw() ? ahead.call() : null;
  }
}
