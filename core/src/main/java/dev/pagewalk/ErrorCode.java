package dev.pagewalk;

import java.util.Locale;

/**
 * The stable code of a failure: what went wrong, independent of the message's wording. Reports, the
 * CLI's {@code --report} and conformance cases carry the wire name ({@code missing-key}, {@code
 * http-status}); the set only grows.
 */
public enum ErrorCode {
  /** A spec file that cannot be loaded. */
  SPEC,
  /** Run inputs (parameters, connection values, overrides, flags) that break their declarations. */
  INPUT,
  /** A key the spec reads is missing from the response or record. */
  MISSING_KEY,
  /** {@code iterate} did not yield a list. */
  ITERATE_NOT_LIST,
  /** An expression failed on the data it was given. */
  EXPRESSION,
  /** A response status the spec does not accept ({@code valid}, or not 2xx). */
  HTTP_STATUS,
  /** A connection failure that retries did not cure. */
  NETWORK,
  /**
   * A request, or the expressions a page evaluates, passed its deadline ({@code limits.timeout}).
   */
  TIMEOUT,
  /** A response body larger than the cap, or beyond the decoder's budgets. */
  RESPONSE_TOO_LARGE,
  /** A body that is not what the spec says it is (not JSON, truncated). */
  MALFORMED_RESPONSE,
  /** More redirects than allowed, or a redirect loop. */
  REDIRECT,
  /** An address the spec's network policy forbids. */
  FORBIDDEN_ADDRESS,
  /** A request that would carry a secret to another origin, or a credential in a URL. */
  CREDENTIAL_LEAK,
  /** The retry budget (count or time) was used up, or Retry-After is beyond its cap. */
  RETRY_EXHAUSTED,
  /** The pagination repeats itself: a request, a body, or pages with nothing new. */
  LOOP,
  /** The saved cursor was refused as expired and there is nothing to fall back on. */
  CURSOR_EXPIRED,
  /** Records moved between pages and the spec says {@code audit.onDrift: fail}. */
  DRIFT,
  /** Records broke the order the spec declares ({@code sync.order}, enforced strictly). */
  ORDER,
  /** The destination refused a write. */
  SINK_WRITE,
  /** Saved state (a checkpoint, a lock) that cannot be used. */
  STATE,
  /**
   * A token endpoint refused the connection's credentials ({@code invalid_grant}, {@code
   * invalid_client}, {@code unauthorized_client}): a configuration error, never retried.
   */
  AUTH_REFUSED,
  /** The run was cancelled (interrupt, signal). */
  CANCELLED,
  /** A failure pagewalk did not classify: a bug to report. */
  INTERNAL;

  /** The name used in reports, the CLI and cases: {@code missing-key}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The code of a wire name; IllegalArgumentException for an unknown one. */
  public static ErrorCode fromWireName(String name) {
    for (ErrorCode c : values()) {
      if (c.wireName().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown error code '" + name + "'");
  }

  @Override
  public String toString() {
    return wireName();
  }
}
