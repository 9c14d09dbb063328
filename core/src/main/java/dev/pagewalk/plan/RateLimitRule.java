package dev.pagewalk.plan;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;

/**
 * A response that means "the quota is used up: wait" ({@code retry.rateLimited}), as providers send
 * it: a status ({@code 403} for GitHub and Google Drive) with, optionally, a header value ({@code
 * x-ratelimit-remaining: 0}) and a text in the body ({@code User rate limit exceeded}), every
 * condition given holding. {@code reset} names the header that says when the quota comes back, as
 * epoch seconds or as seconds from now; null when the provider sends none.
 *
 * @param statuses the statuses the rule applies to
 * @param header a header that must be present; null for none
 * @param equals the value {@code header} must have (trimmed, case-insensitive); null for any
 * @param bodyContains a text the body must contain; null for any body
 * @param reset the header giving when the quota resets; null for none
 */
public record RateLimitRule(
    Set<Integer> statuses, String header, String equals, String bodyContains, String reset) {
  /** The part of a body searched for {@code bodyContains}: error bodies are short. */
  static final int BODY_SEARCHED = 64 * 1024;

  public RateLimitRule {
    statuses = Set.copyOf(statuses);
  }

  /**
   * Whether a response is rate-limited by this rule.
   *
   * @param status the response status
   * @param headers a case-insensitive header lookup (first value, or null)
   * @param body the response body
   */
  public boolean matches(int status, Function<String, String> headers, byte[] body) {
    if (!statuses.contains(status)) {
      return false;
    }
    if (header != null) {
      String value = headers.apply(header);
      if (value == null || (equals != null && !value.trim().equalsIgnoreCase(equals.trim()))) {
        return false;
      }
    }
    if (bodyContains != null) {
      int n = body == null ? 0 : Math.min(body.length, BODY_SEARCHED);
      return n > 0 && new String(body, 0, n, StandardCharsets.UTF_8).contains(bodyContains);
    }
    return true;
  }
}
