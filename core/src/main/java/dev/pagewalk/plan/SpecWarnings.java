package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.Diagnostic;
import dev.pagewalk.spec.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is valid in a spec but likely to surprise its author, located like errors. Today one
 * finding: a paginated spec that leaves a count cap at Make's default (100 requests, 50 pagination
 * requests, 3,200 records), which stops a large walk part-way. The defaults stay the language's
 * (Make compatibility); the warning makes them visible before the first run.
 */
public final class SpecWarnings {
  private SpecWarnings() {}

  public static List<Diagnostic> of(SpecDocument doc) {
    JsonNode root = doc.tree();
    String pagination = paginationPointer(root);
    if (pagination == null) {
      return List.of();
    }
    JsonNode limits = root.path("limits");
    Limits d = Limits.DEFAULTS;
    List<String> caps = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    defaulted(limits, "maxRequests", d.maxRequests(), "requests", caps, keys);
    defaulted(
        limits,
        "maxPaginationRequests",
        d.maxPaginationRequests(),
        "pagination requests",
        caps,
        keys);
    defaulted(limits, "maxRecords", d.maxRecords(), "records", caps, keys);
    if (caps.isEmpty()) {
      return List.of();
    }
    return List.of(
        doc.diagnosticAtKey(
            limits.isMissingNode() ? pagination : "/limits",
            "this spec uses Make's default caps: "
                + String.join(", ", caps)
                + "; a run that reaches one stops, truncated",
            "set limits: {" + String.join(", ", keys) + "}, each a number or unlimited"));
  }

  private static void defaulted(
      JsonNode limits, String key, long cap, String what, List<String> caps, List<String> keys) {
    if (!limits.has(key)) {
      caps.add(String.format(Locale.ROOT, "%,d %s", cap, what));
      keys.add(key + ": N");
    }
  }

  private static String paginationPointer(JsonNode root) {
    if (root.path("request").has("pagination")) {
      return "/request/pagination";
    }
    JsonNode chain = root.path("requests");
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).has("pagination")) {
        return "/requests/" + i + "/pagination";
      }
    }
    return null;
  }
}
