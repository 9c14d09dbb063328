package dev.pagewalk.engine;

import dev.pagewalk.CancelledException;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunListener;
import dev.pagewalk.StopReason;
import dev.pagewalk.http.DeadlineExceededException;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.Parsed;
import dev.pagewalk.http.StreamParser;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.plan.RetryPlan;
import dev.pagewalk.retry.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a request, re-sending the very same request on retryable failures (statuses in {@code
 * retry.on}, I/O failures) with full-jitter exponential backoff and {@code Retry-After}. Nothing
 * about the paging state changes here: a retry is byte-for-byte the request that failed.
 *
 * <p>Every failed attempt is a fault with a stable short name ({@link Fault}: {@code
 * connection-reset}, {@code status 503}, ...): the {@code cause} of its retry event and the key
 * of the run's {@code faults} counter. Deterministic faults (a forbidden address, an oversized
 * body, a redirect loop, a body that is not JSON) are never retried. Every attempt, retries
 * included, first waits for the run's rate limit ({@link dev.pagewalk.retry.Pacer}).
 */
final class Sender {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
  private final RunContext run;
  private final RetryPlan retry;

  Sender(RunContext run) {
    this.run = run;
    this.retry = run.plan.retry();
  }

  /** What to do with a response whose status is not retried; an IOException is retried. */
  @FunctionalInterface
  interface BodyParser<T> {
    T parse(Parsed response) throws IOException;
  }

  /**
   * Sends the request until a response is not retryable, then parses it; a parse failure (a
   * truncated or malformed body) is an I/O failure and is retried like one. When {@code ahead} is
   * not null, the first attempt is already under way as that read-ahead; its outcome is counted
   * and handled here, when it is taken, as if it had been sent now. With {@code again}, the
   * request is the same page asked for once more (an empty page with continuation): a retry,
   * counted by {@link #backoff}, not another logical or pagination request.
   */
  <T> T send(
      BuiltRequest request, StreamParser stream, BodyParser<T> parser, ReadAhead ahead,
      boolean again) {
    Counters c = run.counters;
    if (!again) {
      c.logicalRequests++;
      if (request.pagination()) {
        c.paginationRequests++;
      }
    }
    boolean retryable = IDEMPOTENT.contains(request.http().method()) || retry.nonIdempotent();
    RequestLimits limits = ahead != null ? ahead.limits : limits(request);
    for (int attempt = 1; ; attempt++) {
      HttpResponse response;
      Parsed parsed;
      try {
        if (attempt == 1 && ahead != null) {
          parsed = take(ahead);
        } else {
          checkCancelled();
          pace();
          c.requests++;
          parsed = run.transport.send(request.http(), limits, stream);
        }
        response = parsed.response();
      } catch (IOException e) {
        Fault fault = Fault.of(e);
        count(fault.label());
        if (fault.retryable() && canRetry(retryable && retry.io(), attempt)) {
          backoff(request, attempt, fault.label(), null);
          continue;
        }
        if (e instanceof DeadlineExceededException) {
          throw new RunStop(
              StopReason.TIMEOUT,
              new RunFailureException(
                  run.plan.name() + ": " + request.display() + ": " + e.getMessage(), e));
        }
        throw new RunStop(
            StopReason.ERROR,
            new HttpFailureException(
                run.plan.name() + ": " + request.display() + " failed (" + fault.label() + "): "
                    + describe(e) + attemptsNote(attempt),
                0,
                e));
      }
      c.bytesReceived += response.body().length;
      run.pacer.observe(name -> response.headers().first(name).orElse(null));
      if (retry.statuses().contains(response.status())) {
        String cause = Fault.status(response.status());
        count(cause);
        if (canRetry(retryable, attempt)) {
          Duration hinted = retryAfter(request, response);
          backoff(request, attempt, cause, hinted);
          continue;
        }
      }
      try {
        return parser.parse(parsed);
      } catch (IOException e) {
        Fault fault = Fault.of(e);
        count(fault.label());
        if (fault.retryable() && canRetry(retryable && retry.io(), attempt)) {
          backoff(request, attempt, fault.label(), null);
          continue;
        }
        throw new RunStop(
            StopReason.ERROR,
            new HttpFailureException(
                run.plan.name() + ": " + request.display() + " returned an unreadable body ("
                    + fault.label() + "): " + describe(e) + attemptsNote(attempt),
                response.status(),
                e));
      }
    }
  }

  /**
   * Starts the first attempt of {@code request} on the run's read-ahead executor, to be taken by
   * {@link #send}; null when the run has none
   * or it refuses (the run then sends the request itself). The caller decides that read-ahead
   * applies: no rate limit or delay is waited for here. An interrupted run reads nothing ahead:
   * the page in hand is still written, and the send that follows it notices the interrupt.
   */
  ReadAhead sendAhead(BuiltRequest request, StreamParser stream) {
    if (run.readAhead == null || Thread.currentThread().isInterrupted()) {
      return null;
    }
    return ReadAhead.start(run.readAhead, run.transport, request, limits(request), stream);
  }

  /**
   * Gives up a read-ahead the run will not take; one whose request already went out is counted
   * as sent, so the run's figures match what the server saw.
   */
  void abandon(ReadAhead ahead) {
    if (ahead != null && ahead.withdraw()) {
      Counters c = run.counters;
      c.requests++;
      c.logicalRequests++;
      if (ahead.request.pagination()) {
        c.paginationRequests++;
      }
    }
  }

  private RequestLimits limits(BuiltRequest request) {
    return RequestLimits.of(run.limits.timeout())
        .withNetwork(run.network)
        .withCredentialHeaders(request.credentialHeaders()).withCredentialQuery(request.credentialQuery());
  }

  /**
   * The read-ahead's outcome, counted as a request sent; an interrupt while waiting for it cancels
   * the run (counting the request only if it had gone out).
   */
  private Parsed take(ReadAhead ahead) throws IOException {
    boolean sent = true;
    try {
      return ahead.await();
    } catch (InterruptedException e) {
      sent = ahead.withdraw();
      Thread.currentThread().interrupt();
      throw cancelled();
    } finally {
      if (sent) {
        run.counters.requests++;
      }
    }
  }

  /**
   * Waits as the run's rate limit asks before an attempt: first for a quota the server said is
   * used up ({@code rateLimit.fromHeaders}), then for a token of the client-side bucket.
   */
  private void pace() {
    if (!run.pacer.active()) {
      return;
    }
    pause("rate limit (server quota)", run.pacer.serverWait());
    pause("rate limit", run.pacer.bucketWait());
  }

  private void count(String fault) {
    run.counters.faults.merge(fault, 1L, Long::sum);
  }

  private boolean canRetry(boolean allowed, int attempt) {
    return allowed
        && attempt < retry.maxAttempts()
        && run.counters.retries < retry.budgetRetries();
  }

  private Duration retryAfter(BuiltRequest request, HttpResponse response) {
    if (!retry.honorRetryAfter()) {
      return null;
    }
    Optional<Duration> hinted =
        RetryAfter.parse(
            response.headers().first("Retry-After").orElse(null), run.clock.instant());
    if (hinted.isPresent() && hinted.get().compareTo(retry.maxRetryAfter()) > 0) {
      throw new RunStop(
          StopReason.ERROR,
          new HttpFailureException(
              run.plan.name() + ": " + request.display() + " returned " + response.status()
                  + " with Retry-After " + hinted.get().toSeconds() + "s, beyond the cap of "
                  + retry.maxRetryAfter().toSeconds() + "s (retry.retryAfter.max)",
              response.status(),
              null));
    }
    return hinted.orElse(null);
  }

  void backoff(BuiltRequest request, int attempt, String cause, Duration hinted) {
    Duration delay = hinted != null ? hinted : jittered(attempt);
    Counters c = run.counters;
    if (c.retryWaited.plus(delay).compareTo(retry.budgetTime()) > 0) {
      throw new RunStop(
          StopReason.ERROR,
          new HttpFailureException(
              run.plan.name() + ": " + request.display() + ": " + cause
                  + "; retry time budget of " + retry.budgetTime().toSeconds() + "s used up",
              0,
              null));
    }
    c.retries++;
    if (cause.equals("empty page with continuation")) {
      count("empty-page-with-continuation");
    }
    c.retryWaited = c.retryWaited.plus(delay);
    run.listener.onRetry(new RunListener.RetryEvent(request.display(), attempt, cause, delay));
    pause("retry", delay);
  }

  void pause(String why, Duration delay) {
    if (delay == null || delay.isZero() || delay.isNegative()) {
      return;
    }
    run.listener.onWait(why, delay);
    Counters c = run.counters;
    c.waited = c.waited.plus(delay);
    if (why.startsWith("rate")) {
      c.rateLimitWaited = c.rateLimitWaited.plus(delay);
    } else if (!why.equals("retry")) {
      c.delayWaited = c.delayWaited.plus(delay);
    }
    try {
      run.sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelled();
    }
  }

  private Duration jittered(int attempt) {
    long initial = retry.initialBackoff().toMillis();
    long cap = retry.maxBackoff().toMillis();
    long ceiling = Math.min(cap, initial << Math.min(attempt - 1, 30));
    return switch (retry.jitter()) {
      case "none" -> Duration.ofMillis(ceiling);
      case "equal" -> Duration.ofMillis(ceiling / 2 + run.random.nextLong(ceiling / 2 + 1));
      default -> Duration.ofMillis(run.random.nextLong(ceiling + 1));
    };
  }

  private void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw cancelled();
    }
  }

  private RunStop cancelled() {
    return new RunStop(
        StopReason.CANCELLED, new CancelledException(run.plan.name() + ": run cancelled"));
  }

  private static String attemptsNote(int attempt) {
    return attempt > 1 ? " (after " + attempt + " attempts)" : "";
  }

  static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }
}
