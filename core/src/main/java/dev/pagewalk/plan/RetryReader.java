package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Reads the {@code retry} block over {@link RetryPlan#DEFAULTS}. */
final class RetryReader {
  private RetryReader() {}

  static RetryPlan read(JsonNode node) {
    RetryPlan d = RetryPlan.DEFAULTS;
    if (node.isMissingNode()) {
      return d;
    }
    Set<Integer> statuses = d.statuses();
    boolean io = d.io();
    if (node.has("on")) {
      statuses = new HashSet<>();
      io = false;
      for (JsonNode n : node.get("on")) {
        if (n.isInt()) {
          statuses.add(n.asInt());
        } else if ("io".equals(n.asText())) {
          io = true;
        }
      }
    }
    JsonNode backoff = node.path("backoff");
    JsonNode retryAfter = node.path("retryAfter");
    JsonNode budget = node.path("budget");
    return new RetryPlan(
        statuses,
        io,
        node.path("maxAttempts").asInt(d.maxAttempts()),
        duration(backoff.path("initial"), d.initialBackoff()),
        duration(backoff.path("max"), d.maxBackoff()),
        backoff.has("jitter") ? Jitter.fromSpecName(backoff.get("jitter").asText()) : d.jitter(),
        retryAfter.path("honor").asBoolean(d.honorRetryAfter()),
        duration(retryAfter.path("max"), d.maxRetryAfter()),
        node.path("emptyPageWithContinuation").asInt(d.emptyPageWithContinuation()),
        node.path("nonIdempotent").asBoolean(d.nonIdempotent()),
        budget.path("retries").asLong(d.budgetRetries()),
        duration(budget.path("time"), d.budgetTime()));
  }

  private static Duration duration(JsonNode node, Duration fallback) {
    return node.isMissingNode() ? fallback : Durations.parse(node.asText());
  }
}
