package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.LimitOverrides;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the run-wide blocks that hold no expressions: {@code rateLimit}, {@code network} and {@code
 * limits}. The schema has checked their shape; absent blocks give the defaults.
 */
final class RunBlocks {
  private RunBlocks() {}

  static RateLimitPlan rateLimit(JsonNode node) {
    if (node.isMissingNode()) {
      return RateLimitPlan.NONE;
    }
    int requests = node.path("requests").asInt(0);
    Duration per =
        node.has("per") ? Durations.parse(node.get("per").asText()) : Duration.ofSeconds(1);
    if (per.isZero()) {
      requests = 0;
    }
    return new RateLimitPlan(requests, per, node.path("fromHeaders").asBoolean(false));
  }

  static NetworkPlan network(JsonNode node) {
    if (node.isMissingNode()) {
      return NetworkPlan.NONE;
    }
    List<String> hosts = new ArrayList<>();
    node.path("allowHosts").forEach(n -> hosts.add(n.asText()));
    return new NetworkPlan(hosts, node.path("denyPrivateAddresses").asBoolean(false));
  }

  static Limits limits(JsonNode node) {
    Limits d = Limits.DEFAULTS;
    return new Limits(
        count(node.path("maxRequests"), d.maxRequests()),
        count(node.path("maxPaginationRequests"), d.maxPaginationRequests()),
        count(node.path("maxRecords"), d.maxRecords()),
        node.has("timeout")
            ? ("unlimited".equals(node.get("timeout").asText())
                ? null
                : Durations.parse(node.get("timeout").asText()))
            : d.timeout(),
        node.has("runTimeout") ? Durations.parse(node.get("runTimeout").asText()) : null);
  }

  /** A count limit: its number, {@code "unlimited"} as {@link LimitOverrides#UNLIMITED}. */
  private static long count(JsonNode node, long fallback) {
    if (node.isMissingNode()) {
      return fallback;
    }
    return node.isNumber() ? node.asLong() : LimitOverrides.UNLIMITED;
  }
}
