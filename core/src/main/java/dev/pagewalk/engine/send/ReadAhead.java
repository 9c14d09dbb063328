package dev.pagewalk.engine.send;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first attempt of the next page's call, sent through the links below read-ahead on another
 * thread while the run's thread writes the page before it. It is the call the run would send next
 * anyway, built, checked by the loop guard and decided on before the write: read-ahead only moves
 * the send earlier. Nothing about the run changes on the other thread — it keeps the attempt; the
 * run's thread counts it, retries it and fires every event when it takes it ({@link #take}),
 * exactly as if it had sent the call itself then.
 *
 * <p>A read-ahead the run no longer wants (the write failed, the run was cancelled) is {@link
 * #withdraw withdrawn}: not sent if it has not started, otherwise left to finish on its own (its
 * deadline bounds it) and its outcome dropped.
 */
final class ReadAhead {
  private static final int PENDING = 0;
  private static final int SENDING = 1;
  private static final int WITHDRAWN = 2;

  private final Call call;
  private final long startedAt;

  /** When the links below returned; written before the outcome completes. */
  private volatile long finishedAt;

  private final AtomicInteger state = new AtomicInteger(PENDING);
  private final CompletableFuture<Attempt> outcome = new CompletableFuture<>();

  private ReadAhead(Call call) {
    this.call = call;
    this.startedAt = System.nanoTime();
  }

  /**
   * Starts sending {@code call} through {@code below} on {@code executor}; null when the executor
   * refuses it (the run then sends the call itself, as without read-ahead).
   */
  static ReadAhead start(Executor executor, Call call, Chain below) {
    ReadAhead ahead = new ReadAhead(call);
    Map<String, String> mdc = org.slf4j.MDC.getCopyOfContextMap();
    try {
      executor.execute(() -> ahead.send(below, mdc));
    } catch (RejectedExecutionException e) {
      return null;
    }
    return ahead;
  }

  Call call() {
    return call;
  }

  private void send(Chain below, Map<String, String> mdc) {
    if (!state.compareAndSet(PENDING, SENDING)) {
      return;
    }
    if (mdc != null) {
      org.slf4j.MDC.setContextMap(mdc);
    }
    try {
      Attempt attempt = below.proceed(call);
      finishedAt = System.nanoTime();
      outcome.complete(attempt);
    } catch (Throwable e) {
      finishedAt = System.nanoTime();
      outcome.completeExceptionally(e);
    } finally {
      org.slf4j.MDC.clear();
    }
  }

  /**
   * The attempt, once it is there, stamped with the {@link System#nanoTime()} at which the run's
   * thread would have sent it to have it now: a page's duration then counts its exchange, not the
   * time its response waited for the write of the page before it. An interrupt while waiting
   * withdraws it and gives a cancelled attempt, sent if the request had gone out. A
   * RuntimeException or Error of the links below is thrown as they threw it.
   */
  Attempt take() {
    Attempt attempt;
    try {
      attempt = outcome.get();
    } catch (InterruptedException e) {
      int sent = withdraw() ? 1 : 0;
      Thread.currentThread().interrupt();
      return Attempt.interrupted().withSent(sent);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
    return attempt.withSentAt(System.nanoTime() - (finishedAt - startedAt));
  }

  /**
   * Gives the read-ahead up. True when its request had already gone out (and so counts as sent),
   * false when it never will.
   */
  boolean withdraw() {
    return !state.compareAndSet(PENDING, WITHDRAWN);
  }
}
