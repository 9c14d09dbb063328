package dev.pagewalk.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rate-limit state of one run: an optional {@link TokenBucket} ({@code rateLimit.requests} per
 * {@code rateLimit.per}) and, with {@code rateLimit.fromHeaders}, the instant until which the
 * server said its quota is used up ({@link RateLimitHeaders}). Before every request of the run —
 * retries included — the pipeline's pace link waits {@link #serverWait()}, then {@link
 * #bucketWait()}, and reports each response's headers to {@link #observe}.
 *
 * <p>A server-announced wait is capped at {@code maxWait} ({@code retry.retryAfter.max}): a buggy
 * or hostile reset far in the future must not park a run for hours; after the capped wait the
 * request is sent, and a server that is still exhausted answers 429, which the retry rules
 * (Retry-After, its cap, the retry budget) handle.
 */
public final class Pacer {
  /** No pacing at all. */
  public static final Pacer NONE = new Pacer(null, false, Duration.ZERO, Clock.systemUTC());

  private final TokenBucket bucket;
  private final boolean fromHeaders;
  private final Duration maxWait;
  private final Clock clock;
  private Instant serverResumeAt;

  public Pacer(TokenBucket bucket, boolean fromHeaders, Duration maxWait, Clock clock) {
    this.bucket = bucket;
    this.fromHeaders = fromHeaders;
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /** A pacer for {@code requests} per {@code per} (no bucket when requests is 0). */
  public static Pacer of(
      int requests, Duration per, boolean fromHeaders, Duration maxWait, Clock clock) {
    TokenBucket bucket = requests > 0 && per != null ? new TokenBucket(requests, per, clock) : null;
    if (bucket == null && !fromHeaders) {
      return NONE;
    }
    return new Pacer(bucket, fromHeaders, maxWait, clock);
  }

  public boolean active() {
    return this != NONE;
  }

  /** The wait the server's headers ask for before the next request (zero for none), capped. */
  public synchronized Duration serverWait() {
    if (serverResumeAt == null) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(clock.instant(), serverResumeAt);
    serverResumeAt = null;
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(maxWait) > 0 ? maxWait : d;
  }

  /**
   * The instant the server said requests may resume — by its rate-limit headers or a {@code
   * Retry-After} ({@link #pauseUntil}) — for every walk that shares this pacer; null for none.
   */
  public synchronized Instant resumeAt() {
    return serverResumeAt;
  }

  /** The wait from now until {@code until}, capped at {@code retry.retryAfter.max}. */
  public Duration waitUntil(Instant until) {
    Duration d = Duration.between(clock.instant(), until);
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(maxWait) > 0 ? maxWait : d;
  }

  /**
   * No request of any walk sharing this pacer is sent before {@code until} (a 429's {@code
   * Retry-After}: the server throttles the client, not one walk).
   */
  public synchronized void pauseUntil(Instant until) {
    if (serverResumeAt == null || until.isAfter(serverResumeAt)) {
      serverResumeAt = until;
    }
  }

  /** Takes a token of the client-side bucket; the wait before sending (zero for none). */
  public Duration bucketWait() {
    return bucket == null ? Duration.ZERO : bucket.reserve();
  }

  /** Reads a response's rate-limit headers (only with {@code fromHeaders}). */
  public synchronized void observe(Function<String, String> header) {
    if (!fromHeaders) {
      return;
    }
    Optional<Instant> until = RateLimitHeaders.exhaustedUntil(header, clock.instant());
    if (until.isPresent() && (serverResumeAt == null || until.get().isAfter(serverResumeAt))) {
      serverResumeAt = until.get();
    }
  }
}
