package dev.pagewalk.engine.send;

import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.retry.Pacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Waits as the run's rate limit asks before each attempt — first for a quota the server said is
 * used up ({@code rateLimit.fromHeaders}), then for a token of the client-side bucket — and reports
 * every response's headers to the {@link Pacer}. Retries pass here too: the server counts them
 * against the quota like any request.
 */
final class PaceLink implements Link {
  private final Pacer pacer;
  private final Pauses pauses;
  private final BiFunction<String, Instant, Optional<Duration>> retryAfter;
  private final Clock clock;

  /** The server's resume instant this walk has already waited for (or set itself). */
  private Instant seen;

  /**
   * {@code retryAfter} reads a 429's {@code Retry-After} into a wait from the instant given (empty
   * when the spec does not honour it); the wait holds back every walk that shares {@code pacer}.
   */
  PaceLink(
      Pacer pacer,
      Pauses pauses,
      BiFunction<String, Instant, Optional<Duration>> retryAfter,
      Clock clock) {
    this.pacer = pacer;
    this.pauses = pauses;
    this.retryAfter = retryAfter;
    this.clock = clock;
  }

  @Override
  public Attempt intercept(Chain chain) {
    if (!pacer.active()) {
      return chain.proceed(chain.call());
    }
    Duration server = serverWait();
    Waits waited = Waits.NONE.plus(Pause.SERVER_QUOTA, server);
    if (!pauses.sleep(Pause.SERVER_QUOTA, server)) {
      return Attempt.interrupted().plusWaits(waited);
    }
    Duration bucket = pacer.bucketWait();
    waited = waited.plus(Pause.RATE_LIMIT, bucket);
    if (!pauses.sleep(Pause.RATE_LIMIT, bucket)) {
      return Attempt.interrupted().plusWaits(waited);
    }
    Attempt attempt = chain.proceed(chain.call());
    if (attempt.response() != null) {
      HttpResponse response = attempt.response().response();
      pacer.observe(name -> response.headers().first(name).orElse(null));
      if (response.status() == 429) {
        Instant now = clock.instant();
        retryAfter
            .apply(response.headers().first("Retry-After").orElse(null), now)
            .ifPresent(
                d -> {
                  // this walk waits in its retry; the others wait here before their next request
                  pacer.pauseUntil(now.plus(d));
                  seen = pacer.resumeAt();
                });
      }
    }
    return attempt.plusWaits(waited);
  }

  private Duration serverWait() {
    Instant resumeAt = pacer.resumeAt();
    if (resumeAt == null || resumeAt.equals(seen)) {
      return Duration.ZERO;
    }
    seen = resumeAt;
    return pacer.waitUntil(resumeAt);
  }
}
