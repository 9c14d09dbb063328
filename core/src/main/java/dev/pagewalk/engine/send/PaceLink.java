package dev.pagewalk.engine.send;

import dev.pagewalk.retry.Pacer;
import java.time.Duration;

/**
 * Waits as the run's rate limit asks before each attempt — first for a quota the server said is
 * used up ({@code rateLimit.fromHeaders}), then for a token of the client-side bucket — and reports
 * every response's headers to the {@link Pacer}. Retries pass here too: the server counts them
 * against the quota like any request.
 */
final class PaceLink implements Link {
  private final Pacer pacer;
  private final Pauses pauses;

  PaceLink(Pacer pacer, Pauses pauses) {
    this.pacer = pacer;
    this.pauses = pauses;
  }

  @Override
  public Attempt intercept(Chain chain) {
    if (!pacer.active()) {
      return chain.proceed(chain.call());
    }
    Duration server = pacer.serverWait();
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
      pacer.observe(name -> attempt.response().response().headers().first(name).orElse(null));
    }
    return attempt.plusWaits(waited);
  }
}
