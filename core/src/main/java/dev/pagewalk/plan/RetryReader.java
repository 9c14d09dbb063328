package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        duration(budget.path("time"), d.budgetTime()),
        rateLimited(node.path("rateLimited")),
        restartWalk(node.path("restartWalk")));
  }

  private static RestartPlan restartWalk(JsonNode node) {
    if (node.isMissingNode()) {
      return RestartPlan.NONE;
    }
    List<RestartPlan.Match> on = new ArrayList<>();
    for (JsonNode match : node.path("on")) {
      on.add(
          new RestartPlan.Match(statuses(match.path("status")), text(match.path("bodyContains"))));
    }
    return new RestartPlan(on, node.path("max").asInt(RestartPlan.NONE.max()));
  }

  private static Set<Integer> statuses(JsonNode status) {
    Set<Integer> statuses = new HashSet<>();
    if (status.isArray()) {
      status.forEach(n -> statuses.add(n.asInt()));
    } else {
      statuses.add(status.asInt());
    }
    return statuses;
  }

  private static List<RateLimitRule> rateLimited(JsonNode rules) {
    List<RateLimitRule> out = new ArrayList<>();
    for (JsonNode rule : rules) {
      out.add(
          new RateLimitRule(
              statuses(rule.path("status")),
              text(rule.path("header")),
              text(rule.path("equals")),
              text(rule.path("bodyContains")),
              text(rule.path("reset"))));
    }
    return out;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static Duration duration(JsonNode node, Duration fallback) {
    return node.isMissingNode() ? fallback : Durations.parse(node.asText());
  }
}
