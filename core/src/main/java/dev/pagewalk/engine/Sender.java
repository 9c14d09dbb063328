package dev.pagewalk.engine;

import dev.pagewalk.CancelledException;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunListener;
import dev.pagewalk.StopReason;
import dev.pagewalk.http.DeadlineExceededException;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.MalformedBodyException;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.plan.RetryPlan;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a request, re-sending the very same request on retryable failures (statuses in {@code
 * retry.on}, I/O failures) with full-jitter exponential backoff and {@code Retry-After}. Nothing
 * about the paging state changes here: a retry is byte-for-byte the request that failed.
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
    T parse(HttpResponse response) throws IOException;
  }

  /**
   * Sends the request until a response is not retryable, then parses it; a parse failure (a
   * truncated or malformed body) is an I/O failure and is retried like one.
   */
  <T> T send(BuiltRequest request, BodyParser<T> parser) {
    Counters c = run.counters;
    c.logicalRequests++;
    if (request.pagination()) {
      c.paginationRequests++;
    }
    boolean retryable = IDEMPOTENT.contains(request.http().method()) || retry.nonIdempotent();
    RequestLimits limits = RequestLimits.of(run.limits.timeout());
    for (int attempt = 1; ; attempt++) {
      checkCancelled();
      HttpResponse response;
      c.requests++;
      try {
        response = run.transport.send(request.http(), limits);
      } catch (DeadlineExceededException e) {
        if (canRetry(retryable && retry.io(), attempt)) {
          backoff(request, attempt, "deadline exceeded", null);
          continue;
        }
        throw new RunStop(
            StopReason.TIMEOUT,
            new RunFailureException(
                run.plan.name() + ": " + request.display() + ": " + e.getMessage(), e));
      } catch (IOException e) {
        if (canRetry(retryable && retry.io(), attempt)) {
          backoff(request, attempt, describe(e), null);
          continue;
        }
        throw new RunStop(
            StopReason.ERROR,
            new HttpFailureException(
                run.plan.name() + ": " + request.display() + " failed: " + describe(e)
                    + attemptsNote(attempt),
                0,
                e));
      }
      c.bytesReceived += response.body().length;
      if (retry.statuses().contains(response.status())
          && canRetry(retryable, attempt)) {
        Duration hinted = retryAfter(request, response);
        backoff(request, attempt, "status " + response.status(), hinted);
        continue;
      }
      try {
        return parser.parse(response);
      } catch (IOException e) {
        boolean transient_ = !(e instanceof MalformedBodyException m) || m.truncated();
        if (transient_ && canRetry(retryable && retry.io(), attempt)) {
          backoff(request, attempt, describe(e), null);
          continue;
        }
        throw new RunStop(
            StopReason.ERROR,
            new HttpFailureException(
                run.plan.name() + ": " + request.display() + " returned an unreadable body: "
                    + describe(e) + attemptsNote(attempt),
                response.status(),
                e));
      }
    }
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
      throw new RunStop(
          StopReason.CANCELLED, new CancelledException(run.plan.name() + ": run cancelled"));
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
      throw new RunStop(
          StopReason.CANCELLED, new CancelledException(run.plan.name() + ": run cancelled"));
    }
  }

  private static String attemptsNote(int attempt) {
    return attempt > 1 ? " (after " + attempt + " attempts)" : "";
  }

  static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }
}
