package dev.pagewalk.conformance.livedata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the base path as a style sees it.
 *
 * @param number the 1-based request number
 * @param origin {@code http://host:port} as the client addressed the server, for absolute next
 *     links
 * @param query the decoded query parameters; the first value wins when a name repeats
 * @param emptyWithNext whether an {@link FaultSpec.EmptyPageWithNext} fault applies
 */
record PageRequest(int number, String origin, Map<String, String> query, boolean emptyWithNext) {

  static PageRequest of(int number, String origin, String url, boolean emptyWithNext) {
    Map<String, String> query = new HashMap<>();
    int q = url.indexOf('?');
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        query.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return new PageRequest(number, origin, Map.copyOf(query), emptyWithNext);
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
