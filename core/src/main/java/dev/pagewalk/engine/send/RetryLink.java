package dev.pagewalk.engine.send;

import dev.pagewalk.CancelledException;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.RunStats.FaultKind;
import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.StopReason;
import dev.pagewalk.http.DeadlineExceededException;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.plan.Durations;
import dev.pagewalk.plan.RateLimitRule;
import dev.pagewalk.plan.RetryPlan;
import dev.pagewalk.retry.Faults;
import dev.pagewalk.retry.RateLimitHeaders;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * The top link: sends a call through the links below until an attempt is not retryable, then
 * decodes the response, and returns everything as one {@link Exchange}. A retryable attempt — a
 * status in {@code retry.on}, an I/O failure, a body that cannot be read — is followed by a backoff
 * (exponential with the plan's {@link dev.pagewalk.plan.Jitter}, or the server's {@code
 * Retry-After} up to its cap) within the run's {@link RetryBudget}, and the very same request is
 * sent again: nothing about the paging state changes here.
 *
 * <p>Deterministic faults (a forbidden address, an oversized body, a redirect loop, a body that is
 * not JSON) are never retried; neither are requests that are not idempotent unless {@code
 * retry.nonIdempotent} or the link repeats any method (the requests that obtain credentials: a
 * token endpoint's POST changes nothing the run reads). A failure is a value in the exchange, with
 * its stop reason and error code.
 */
final class RetryLink {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
  private final String spec;
  private final RetryPlan retry;
  private final Statuses statuses;
  private final RetryBudget budget;

  /** Reads a {@code Retry-After} value (null for none) into a wait from the instant given. */
  private final BiFunction<String, Instant, Optional<Duration>> retryAfter;

  private final Clock clock;
  private final RandomGenerator random;
  private final RunListener listener;
  private final Pauses pauses;
  private final boolean repeatsAnyMethod;

  RetryLink(
      String spec,
      RetryPlan retry,
      Statuses statuses,
      RetryBudget budget,
      BiFunction<String, Instant, Optional<Duration>> retryAfter,
      Clock clock,
      RandomGenerator random,
      RunListener listener,
      Pauses pauses,
      boolean repeatsAnyMethod) {
    this.spec = spec;
    this.retry = retry;
    this.statuses = statuses;
    this.budget = budget;
    this.retryAfter = retryAfter;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
    this.pauses = pauses;
    this.repeatsAnyMethod = repeatsAnyMethod;
  }

  <T> Exchange<T> exchange(Call call, Before before, Decoder<T> decoder, Chain below) {
    Tally tally = new Tally(call, !(before instanceof Before.Again));
    if (before instanceof Before.Delay delay) {
      tally.waited(delay.why(), delay.duration());
      if (!pauses.sleep(delay.why(), delay.duration())) {
        tally.notLogical();
        return tally.failed(cancelled());
      }
    } else if (before instanceof Before.Again again) {
      tally.fault(again.cause());
      SendFailure failed = backoff(tally, call, again.retry(), again.cause(), null, Pause.RETRY);
      if (failed != null) {
        return tally.failed(failed);
      }
    }
    tally.started();
    boolean idempotent =
        repeatsAnyMethod || IDEMPOTENT.contains(call.http().method()) || retry.nonIdempotent();
    for (int attempt = 1; ; attempt++) {
      if (budget.deadlinePassed(clock.instant())) {
        return tally.failed(deadlinePassed(call, "the run deadline has passed"));
      }
      Attempt sent = below.proceed(call);
      tally.add(sent, attempt == 1);
      if (sent.crash() != null) {
        return tally.failed(new SendFailure(StopReason.ERROR, sent.crash()));
      }
      if (sent.cancelled()) {
        return tally.failed(cancelled());
      }
      if (sent.failure() != null) {
        Fault fault = Faults.of(sent.failure());
        tally.fault(fault);
        if (fault.retryable() && canRetry(idempotent && retry.io(), attempt)) {
          SendFailure failed = backoff(tally, call, attempt, fault, null, Pause.RETRY);
          if (failed != null) {
            return tally.failed(failed);
          }
          continue;
        }
        return tally.failed(notSent(call, sent.failure(), fault, attempt));
      }
      HttpResponse response = sent.response().response();
      tally.received(response.body().length);
      RateLimitRule limited = rateLimited(response);
      if (limited != null || statuses.retried(response.status())) {
        StatusFault cause = new StatusFault(response.status());
        tally.fault(cause);
        if (canRetry(idempotent || limited != null, attempt)) {
          Optional<Duration> hinted =
              limited == null ? retryAfter(response) : quotaReset(limited, response);
          Pause why = limited == null ? Pause.RETRY : Pause.SERVER_QUOTA;
          boolean beyondCap =
              hinted.isPresent() && hinted.get().compareTo(retry.maxRetryAfter()) > 0;
          SendFailure failed;
          if (!beyondCap) {
            failed = backoff(tally, call, attempt, cause, hinted.orElse(null), why);
          } else if (budget.deadlineAllows(clock.instant(), hinted.get())) {
            failed =
                wait(tally, call, attempt, cause, new RetryBudget.Delay(hinted.get(), true), why);
          } else {
            failed = beyondCap(call, response, hinted.get(), limited);
          }
          if (failed != null) {
            return tally.failed(failed);
          }
          continue;
        }
      }
      try {
        return tally.done(decoder.decode(sent.response()));
      } catch (IOException e) {
        Fault fault = Faults.of(e);
        tally.fault(fault);
        if (fault.retryable() && canRetry(idempotent && retry.io(), attempt)) {
          SendFailure failed = backoff(tally, call, attempt, fault, null, Pause.RETRY);
          if (failed != null) {
            return tally.failed(failed);
          }
          continue;
        }
        return tally.failed(unreadable(call, response, e, fault, attempt));
      } catch (RuntimeException e) {
        return tally.failed(new SendFailure(StopReason.ERROR, e));
      }
    }
  }

  private boolean canRetry(boolean allowed, int attempt) {
    return allowed && attempt < retry.maxAttempts() && budget.retryLeft();
  }

  private Optional<Duration> retryAfter(HttpResponse response) {
    if (!retry.honorRetryAfter()) {
      return Optional.empty();
    }
    return retryAfter.apply(response.headers().first("Retry-After").orElse(null), clock.instant());
  }

  /** The first {@code retry.rateLimited} rule the response matches; null for none. */
  private RateLimitRule rateLimited(HttpResponse response) {
    for (RateLimitRule rule : retry.rateLimited()) {
      if (rule.matches(
          response.status(),
          name -> response.headers().first(name).orElse(null),
          response.body())) {
        return rule;
      }
    }
    return null;
  }

  /**
   * How long a rate-limited response asks to wait: its reset header (epoch seconds, epoch
   * milliseconds or seconds from now), else its {@code Retry-After}; empty for a backoff.
   */
  private Optional<Duration> quotaReset(RateLimitRule rule, HttpResponse response) {
    Instant now = clock.instant();
    Optional<Duration> reset =
        Optional.ofNullable(rule.reset())
            .flatMap(name -> response.headers().first(name))
            .flatMap(value -> RateLimitHeaders.resetInstant(value.trim(), now, true))
            .map(at -> Duration.between(now, at));
    return reset.isPresent() ? reset : retryAfter(response);
  }

  /** Waits before retry {@code attempt}; a failure when the time budget does not allow it. */
  private SendFailure backoff(
      Tally tally, Call call, int attempt, FaultKind cause, Duration hinted, Pause why) {
    Duration delay = hinted != null ? hinted : jittered(attempt);
    if (!budget.timeLeftFor(delay)) {
      return new SendFailure(
          StopReason.ERROR,
          new HttpFailureException(
              ErrorCode.RETRY_EXHAUSTED,
              spec
                  + ": "
                  + call.display()
                  + ": "
                  + cause.label()
                  + "; retry time budget of "
                  + retry.budgetTime().toSeconds()
                  + "s used up",
              0,
              null));
    }
    return wait(tally, call, attempt, cause, new RetryBudget.Delay(delay, false), why);
  }

  /** Takes the wait from the budget, tells the listener and waits; a failure when cancelled. */
  private SendFailure wait(
      Tally tally, Call call, int attempt, FaultKind cause, RetryBudget.Delay delay, Pause why) {
    if (budget.runTimeout() != null && !budget.deadlineAllows(clock.instant(), delay.duration())) {
      return deadlinePassed(
          call,
          "waiting "
              + Durations.format(delay.duration())
              + " to retry would pass the run deadline");
    }
    budget.spend(delay);
    tally.retried();
    tally.waited(why, delay.duration());
    listener.onRetry(new RunListener.RetryEvent(call.display(), attempt, cause, delay.duration()));
    return pauses.sleep(why, delay.duration()) ? null : cancelled();
  }

  private Duration jittered(int attempt) {
    long initial = retry.initialBackoff().toMillis();
    long cap = retry.maxBackoff().toMillis();
    long ceiling = Math.min(cap, initial << Math.min(attempt - 1, 30));
    return retry.jitter().pause(Duration.ofMillis(ceiling), random);
  }

  private SendFailure cancelled() {
    return new SendFailure(StopReason.CANCELLED, new CancelledException(spec + ": run cancelled"));
  }

  /**
   * A server's wait beyond {@code retry.retryAfter.max} that the run deadline does not allow: there
   * is none ({@code limits.runTimeout} unset), or the wait would pass it.
   */
  private SendFailure beyondCap(
      Call call, HttpResponse response, Duration hinted, RateLimitRule limited) {
    String asked =
        limited != null
                && limited.reset() != null
                && response.headers().first(limited.reset()).isPresent()
            ? " with its rate limit resetting in "
            : " with Retry-After ";
    String deadline =
        budget.runTimeout() == null
            ? "; set limits.runTimeout to allow longer waits within a run deadline"
            : "; waiting would pass the run deadline (limits.runTimeout "
                + Durations.format(budget.runTimeout())
                + ")";
    return new SendFailure(
        StopReason.ERROR,
        new HttpFailureException(
            ErrorCode.RETRY_EXHAUSTED,
            spec
                + ": "
                + call.display()
                + " returned "
                + response.status()
                + asked
                + hinted.toSeconds()
                + "s, beyond the cap of "
                + retry.maxRetryAfter().toSeconds()
                + "s (retry.retryAfter.max)"
                + deadline,
            response.status(),
            null));
  }

  private SendFailure deadlinePassed(Call call, String why) {
    return new SendFailure(
        StopReason.TIMEOUT,
        new RunFailureException(
            ErrorCode.TIMEOUT,
            spec
                + ": "
                + call.display()
                + " not sent: "
                + why
                + " (limits.runTimeout "
                + Durations.format(budget.runTimeout())
                + ")",
            null));
  }

  private SendFailure notSent(Call call, IOException e, Fault fault, int attempt) {
    if (e instanceof DeadlineExceededException) {
      return new SendFailure(
          StopReason.TIMEOUT,
          new RunFailureException(
              ErrorCode.TIMEOUT, spec + ": " + call.display() + ": " + e.getMessage(), e));
    }
    return new SendFailure(
        StopReason.ERROR,
        new HttpFailureException(
            codeOf(fault),
            spec
                + ": "
                + call.display()
                + " failed ("
                + fault.label()
                + "): "
                + describe(e)
                + attemptsNote(attempt),
            0,
            e));
  }

  private SendFailure unreadable(
      Call call, HttpResponse response, IOException e, Fault fault, int attempt) {
    return new SendFailure(
        StopReason.ERROR,
        new HttpFailureException(
            codeOf(fault),
            spec
                + ": "
                + call.display()
                + " returned an unreadable body ("
                + fault.label()
                + "): "
                + describe(e)
                + attemptsNote(attempt),
            response.status(),
            e));
  }

  /** The error code of a request that failed for good with {@code fault}. */
  static ErrorCode codeOf(Fault fault) {
    return switch (fault) {
      case FORBIDDEN_ADDRESS -> ErrorCode.FORBIDDEN_ADDRESS;
      case RESPONSE_TOO_LARGE -> ErrorCode.RESPONSE_TOO_LARGE;
      case TOO_MANY_REDIRECTS -> ErrorCode.REDIRECT;
      case DEADLINE -> ErrorCode.TIMEOUT;
      case MALFORMED_BODY, TRUNCATED_BODY -> ErrorCode.MALFORMED_RESPONSE;
      default -> ErrorCode.NETWORK;
    };
  }

  private static String attemptsNote(int attempt) {
    return attempt > 1 ? " (after " + attempt + " attempts)" : "";
  }

  static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }
}
