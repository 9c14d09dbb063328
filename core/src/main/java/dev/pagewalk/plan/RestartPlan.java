package dev.pagewalk.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Responses that mean "this walk's cursor or iterator has expired" ({@code retry.restartWalk}):
 * Airtable answers 422 {@code LIST_RECORDS_ITERATOR_NOT_AVAILABLE} when a list iterator outlives
 * its time. Such a response on a later page restarts the walk from where the run started (the
 * beginning, or an incremental run's watermark), at most {@code max} times; records already
 * delivered are recognised by their key and not delivered again.
 *
 * @param on the responses that expire a walk; empty for none
 * @param max the most restarts in a run
 */
public record RestartPlan(List<Match> on, int max) {
  public static final RestartPlan NONE = new RestartPlan(List.of(), 3);

  public RestartPlan {
    on = List.copyOf(on);
  }

  /** A status and, optionally, a text the body must contain. */
  public record Match(Set<Integer> statuses, String bodyContains) {
    public Match {
      statuses = Set.copyOf(statuses);
    }
  }

  /** Whether a response with this status and body means the walk's cursor expired. */
  public boolean expires(int status, byte[] body) {
    for (Match m : on) {
      if (m.statuses().contains(status)
          && (m.bodyContains() == null || contains(body, m.bodyContains()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(byte[] body, String text) {
    int n = body == null ? 0 : Math.min(body.length, RateLimitRule.BODY_SEARCHED);
    return n > 0 && new String(body, 0, n, StandardCharsets.UTF_8).contains(text);
  }
}
