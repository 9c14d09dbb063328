package dev.pagewalk.auth;

import dev.pagewalk.CancelledException;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.Sleeper;
import dev.pagewalk.http.DeadlineExceededException;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.Redaction;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.plan.RetryPlan;
import dev.pagewalk.retry.Faults;
import dev.pagewalk.spi.HttpRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Sends the requests of a token endpoint or a login through the core's guarded exchange (network
 * guard, redirects, size cap, deadline), retrying under the run's {@code retry} rules — I/O faults
 * and 5xx statuses in {@code retry.on}, with its backoff and attempt count — but never a 4xx, whose
 * answer would not change. Thread-safe.
 */
final class TokenEndpoint {
  private final String spec;
  private final Exchanger exchanger;
  private final RequestLimits limits;
  private final RetryPlan retry;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final AuthSecrets secrets;

  TokenEndpoint(
      String spec,
      Exchanger exchanger,
      RequestLimits limits,
      RetryPlan retry,
      Sleeper sleeper,
      RandomGenerator random,
      AuthSecrets secrets) {
    this.spec = spec;
    this.exchanger = exchanger;
    this.limits = limits;
    this.retry = retry;
    this.sleeper = sleeper;
    this.random = random;
    this.secrets = secrets;
  }

  /**
   * The response to {@code request}: the first one not retried, or the last when the attempts ran
   * out.
   *
   * @throws RunFailureException when it could not be sent (code of the fault), or the run was
   *     cancelled ({@link CancelledException})
   */
  HttpResponse send(HttpRequest request) {
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= retry.maxAttempts();
      try {
        HttpResponse response = exchanger.send(request, limits);
        if (last || !retried(response.status())) {
          return response;
        }
      } catch (IOException e) {
        Fault fault = Faults.of(e);
        if (last || !retry.io() || !fault.retryable()) {
          throw failed(request, e, fault, attempt);
        }
      }
      pause(attempt);
    }
  }

  /** The URL of {@code request} as messages show it: secrets and sensitive query values masked. */
  String display(HttpRequest request) {
    return Redaction.redactUri(request.uri(), secrets.values(), Set.of());
  }

  private boolean retried(int status) {
    return status >= 500 && retry.statuses().contains(status);
  }

  private void pause(int attempt) {
    long initial = retry.initialBackoff().toMillis();
    long ceiling = Math.min(retry.maxBackoff().toMillis(), initial << Math.min(attempt - 1, 30));
    try {
      sleeper.sleep(retry.jitter().pause(Duration.ofMillis(ceiling), random));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException(spec + ": run cancelled");
    }
  }

  private dev.pagewalk.PagewalkException failed(
      HttpRequest request, IOException e, Fault fault, int attempt) {
    String message =
        spec
            + ": "
            + request.method()
            + " "
            + display(request)
            + " failed ("
            + fault.label()
            + "): "
            + Redaction.redactUrl(String.valueOf(e.getMessage()), secrets.values(), Set.of())
            + (attempt > 1 ? " (after " + attempt + " attempts)" : "");
    return e instanceof DeadlineExceededException
        ? new RunFailureException(ErrorCode.TIMEOUT, message, e)
        : new HttpFailureException(code(fault), message, 0, e);
  }

  private static ErrorCode code(Fault fault) {
    return switch (fault) {
      case FORBIDDEN_ADDRESS -> ErrorCode.FORBIDDEN_ADDRESS;
      case RESPONSE_TOO_LARGE -> ErrorCode.RESPONSE_TOO_LARGE;
      case TOO_MANY_REDIRECTS -> ErrorCode.REDIRECT;
      default -> ErrorCode.NETWORK;
    };
  }
}
