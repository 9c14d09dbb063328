package dev.pagewalk.engine.send;

import dev.pagewalk.http.Parsed;
import java.io.IOException;

/**
 * What one attempt below the retry link came to: a response, the transport's I/O failure, a cancel
 * (the run's thread was interrupted), or a crash (a RuntimeException of the transport, passed on as
 * it is). {@code sent} says whether the request went out (0 or 1), {@code waits} what was waited
 * for first, and {@code sentAt} — for a read-ahead taken, otherwise 0 — the {@link
 * System#nanoTime()} at which the run's thread would have sent it to have its outcome now.
 */
public record Attempt(
    Parsed response,
    IOException failure,
    RuntimeException crash,
    boolean cancelled,
    int sent,
    Waits waits,
    long sentAt) {

  /** A response that arrived. */
  public static Attempt answered(Parsed response) {
    return new Attempt(response, null, null, false, 1, Waits.NONE, 0);
  }

  /** A request that went out and failed with {@code failure}. */
  public static Attempt failed(IOException failure) {
    return new Attempt(null, failure, null, false, 1, Waits.NONE, 0);
  }

  /** A transport that threw {@code crash}, after the request was handed to it. */
  public static Attempt crashed(RuntimeException crash) {
    return new Attempt(null, null, crash, false, 1, Waits.NONE, 0);
  }

  /** The run was cancelled before the request went out. */
  public static Attempt interrupted() {
    return new Attempt(null, null, null, true, 0, Waits.NONE, 0);
  }

  /** The same attempt, with {@code more} waited for before it. */
  public Attempt plusWaits(Waits more) {
    return more == Waits.NONE
        ? this
        : new Attempt(response, failure, crash, cancelled, sent, waits.plus(more), sentAt);
  }

  /** The same attempt, counted as sent ({@code 1}) or not ({@code 0}). */
  public Attempt withSent(int sent) {
    return new Attempt(response, failure, crash, cancelled, sent, waits, sentAt);
  }

  /** The same attempt, as sent by the run's thread at {@code sentAt}. */
  public Attempt withSentAt(long sentAt) {
    return new Attempt(response, failure, crash, cancelled, sent, waits, sentAt);
  }
}
