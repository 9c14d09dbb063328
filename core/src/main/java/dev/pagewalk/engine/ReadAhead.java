package dev.pagewalk.engine;

import dev.pagewalk.http.Parsed;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.http.StreamParser;
import dev.pagewalk.http.Exchanger;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first attempt of the next page's request, sent on another thread while the run's thread
 * writes the page before it. It is the request the run would send next anyway, built, checked by
 * the loop guard and decided on before the write: read-ahead only moves the send earlier. Nothing
 * about the run changes on the other thread — it calls the transport and keeps the outcome; the
 * run's thread counts it, retries it, exposes it and fires every event when it takes the outcome
 * ({@link #await}), exactly as if it had sent the request itself then.
 *
 * <p>A read-ahead the run no longer wants (the write failed, the run was cancelled) is {@link
 * #withdraw withdrawn}: not sent if it has not started, otherwise left to finish on its own (its
 * deadline bounds it) and its outcome dropped.
 */
final class ReadAhead {
  private static final int PENDING = 0;
  private static final int SENDING = 1;
  private static final int WITHDRAWN = 2;

  final BuiltRequest request;
  final RequestLimits limits;
  private final long startedAt;
  /** When the transport returned or threw; written before the outcome completes. */
  private volatile long finishedAt;
  private long takenAt;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  private final CompletableFuture<Parsed> outcome = new CompletableFuture<>();

  private ReadAhead(BuiltRequest request, RequestLimits limits) {
    this.request = request;
    this.limits = limits;
    this.startedAt = System.nanoTime();
  }

  /**
   * Starts sending {@code request} on {@code executor}; null when the executor refuses it (the
   * run then sends the request itself, as without read-ahead).
   */
  static ReadAhead start(
      Executor executor, Exchanger transport, BuiltRequest request, RequestLimits limits,
      StreamParser parser) {
    ReadAhead ahead = new ReadAhead(request, limits);
    Map<String, String> mdc = org.slf4j.MDC.getCopyOfContextMap();
    try {
      executor.execute(() -> ahead.send(transport, parser, mdc));
    } catch (RejectedExecutionException e) {
      return null;
    }
    return ahead;
  }

  private void send(Exchanger transport, StreamParser parser, Map<String, String> mdc) {
    if (!state.compareAndSet(PENDING, SENDING)) {
      return;
    }
    if (mdc != null) {
      org.slf4j.MDC.setContextMap(mdc);
    }
    try {
      Parsed parsed = transport.send(request.http(), limits, parser);
      finishedAt = System.nanoTime();
      outcome.complete(parsed);
    } catch (Throwable e) {
      finishedAt = System.nanoTime();
      outcome.completeExceptionally(e);
    } finally {
      org.slf4j.MDC.clear();
    }
  }

  /**
   * The response, once it is there; the transport's IOException, RuntimeException or Error is
   * thrown as the transport threw it.
   */
  Parsed await() throws IOException, InterruptedException {
    try {
      return outcome.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } finally {
      takenAt = System.nanoTime();
    }
  }

  /**
   * The {@link System#nanoTime()} at which the run's thread would have sent the request to get
   * the outcome when {@link #await} returned it: the exchange's own duration before that moment.
   * A page's duration then counts its exchange, not the time its response waited for the write
   * of the page before it.
   */
  long sentAt() {
    return takenAt - (finishedAt - startedAt);
  }

  /**
   * Gives the read-ahead up. True when its request had already gone out (and so counts as sent),
   * false when it never will.
   */
  boolean withdraw() {
    return !state.compareAndSet(PENDING, WITHDRAWN);
  }
}
