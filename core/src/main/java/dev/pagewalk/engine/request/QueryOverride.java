package dev.pagewalk.engine.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes from a URL's own query the parameters that {@code qs} sets, so that merging qs into a
 * next-page URL overrides same-named parameters instead of repeating them.
 */
public final class QueryOverride {
  private QueryOverride() {}

  static String without(String url, Set<String> names) {
    int q = url.indexOf('?');
    if (q < 0 || names.isEmpty()) {
      return url;
    }
    int hash = url.indexOf('#', q);
    String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    StringBuilder kept = new StringBuilder();
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      if (names.contains(decode(name))) {
        continue;
      }
      kept.append(kept.length() == 0 ? "" : "&").append(part);
    }
    String base = url.substring(0, q);
    return kept.length() == 0 ? base : base + "?" + kept;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
