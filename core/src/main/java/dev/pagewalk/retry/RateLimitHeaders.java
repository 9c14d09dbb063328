package dev.pagewalk.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a server's rate-limit headers ({@code rateLimit.fromHeaders: true}) into "no request before
 * this instant". Only an exhausted quota ({@code remaining} 0) asks for a wait; a quota with
 * requests left changes nothing.
 *
 * <p>Understood, first match wins:
 *
 * <ul>
 *   <li>IETF draft, structured form: {@code RateLimit: "default";r=0;t=30} ({@code r} remaining,
 *       {@code t} seconds until the quota resets);
 *   <li>IETF draft, older form: {@code RateLimit: limit=100, remaining=0, reset=30};
 *   <li>IETF draft, separate fields: {@code RateLimit-Remaining: 0} and {@code RateLimit-Reset: 30}
 *       — reset is always delta-seconds in the draft;
 *   <li>de-facto: {@code X-RateLimit-Remaining: 0} and {@code X-RateLimit-Reset: ...}, where APIs
 *       disagree: GitHub and Twitter send epoch seconds, others delta-seconds, a few epoch
 *       milliseconds. A value of at least 10^12 is epoch milliseconds, at least 10^9 (September
 *       2001 as epoch seconds, 31 years as a delta) is epoch seconds, anything smaller is
 *       delta-seconds. Fractions are allowed ({@code 1.5}).
 * </ul>
 *
 * An epoch reset already in the past means no wait. Unparseable values are ignored: a broken header
 * must not stop a run (the server's 429 and Retry-After still apply).
 */
public final class RateLimitHeaders {
  private static final Pattern STRUCTURED_R = Pattern.compile(";\\s*r\\s*=\\s*(\\d+)");
  private static final Pattern STRUCTURED_T = Pattern.compile(";\\s*t\\s*=\\s*(\\d+)");
  private static final Pattern LEGACY_REMAINING =
      Pattern.compile("(?i)(?:^|[,;\\s])remaining\\s*=\\s*(\\d+)");
  private static final Pattern LEGACY_RESET =
      Pattern.compile("(?i)(?:^|[,;\\s])reset\\s*=\\s*(\\d+)");
  static final double EPOCH_SECONDS_FROM = 1e9;
  static final double EPOCH_MILLIS_FROM = 1e12;

  private RateLimitHeaders() {}

  /**
   * When the next request may be sent, if the headers say the quota is used up.
   *
   * @param header a case-insensitive header lookup (first value, or null)
   * @param now the run's current time
   */
  public static Optional<Instant> exhaustedUntil(Function<String, String> header, Instant now) {
    String combined = header.apply("RateLimit");
    if (combined != null) {
      Optional<Instant> until = combined(combined, now);
      if (until != null) {
        return until;
      }
    }
    Optional<Instant> ietf =
        separate(header.apply("RateLimit-Remaining"), header.apply("RateLimit-Reset"), now, false);
    if (ietf != null) {
      return ietf;
    }
    Optional<Instant> legacy =
        separate(
            header.apply("X-RateLimit-Remaining"), header.apply("X-RateLimit-Reset"), now, true);
    return legacy == null ? Optional.empty() : legacy;
  }

  /** null when the header is not understood; empty when it says there is quota left. */
  private static Optional<Instant> combined(String value, Instant now) {
    Matcher r = STRUCTURED_R.matcher(value);
    Matcher t = STRUCTURED_T.matcher(value);
    String remaining = null;
    String reset = null;
    if (r.find()) {
      remaining = r.group(1);
      reset = t.find() ? t.group(1) : null;
    } else {
      Matcher lr = LEGACY_REMAINING.matcher(value);
      Matcher lt = LEGACY_RESET.matcher(value);
      if (lr.find()) {
        remaining = lr.group(1);
        reset = lt.find() ? lt.group(1) : null;
      }
    }
    return remaining == null ? null : separate(remaining, reset, now, false);
  }

  /** null when remaining is absent or unreadable; empty when there is quota left or no reset. */
  private static Optional<Instant> separate(
      String remaining, String reset, Instant now, boolean maybeEpoch) {
    if (remaining == null) {
      return null;
    }
    double left;
    try {
      left = Double.parseDouble(remaining.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (left > 0 || reset == null) {
      return Optional.empty();
    }
    return resetInstant(reset.trim(), now, maybeEpoch);
  }

  /** The instant a reset value names; delta-seconds unless {@code maybeEpoch} and it is large. */
  public static Optional<Instant> resetInstant(String reset, Instant now, boolean maybeEpoch) {
    double v;
    try {
      v = Double.parseDouble(reset);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
      return Optional.empty();
    }
    Instant at;
    if (maybeEpoch && v >= EPOCH_MILLIS_FROM) {
      at = Instant.ofEpochMilli((long) v);
    } else if (maybeEpoch && v >= EPOCH_SECONDS_FROM) {
      at = Instant.ofEpochMilli((long) (v * 1000));
    } else {
      at = now.plus(Duration.ofMillis((long) Math.ceil(Math.min(v, 1e12) * 1000)));
    }
    return at.isAfter(now) ? Optional.of(at) : Optional.empty();
  }
}
