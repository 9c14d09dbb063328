package dev.pagewalk.connector;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A walk's pages counted from its {@code Link} header: the page after the last one read ({@code
 * rel="next"}) and the walk's last page ({@code rel="last"}) differ in one query parameter, a page
 * number (one apart from page to page) or an offset (a page's size apart), and the difference says
 * how many pages are left.
 *
 * @param pages the walk's pages
 * @param parameter the query parameter that counted them, as {@code last}'s {@code name=value}
 */
record LastLink(long pages, String parameter) {

  /**
   * The walk's pages after {@code seen} pages of at most {@code pageSize} items, or null when the
   * links do not say (either missing, or no numbered parameter that steps as a page or an offset).
   */
  static LastLink of(String next, String last, long seen, long pageSize) {
    if (next == null || last == null) {
      return null;
    }
    if (next.equals(last)) {
      return new LastLink(seen + 1, "the next page");
    }
    Map<String, String> from = query(next);
    Map<String, String> to = query(last);
    for (Map.Entry<String, String> e : from.entrySet()) {
      Long n = number(e.getValue());
      Long l = number(to.get(e.getKey()));
      if (n == null || l == null || l <= n) {
        continue;
      }
      long step =
          n == seen + 1 || n == seen ? 1 : pageSize > 0 && n == seen * pageSize ? pageSize : 0;
      if (step > 0) {
        return new LastLink(seen + 1 + (l - n + step - 1) / step, e.getKey() + "=" + l);
      }
    }
    return null;
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw;
    try {
      raw = URI.create(url).getRawQuery();
    } catch (IllegalArgumentException e) {
      return out;
    }
    if (raw != null) {
      for (String part : raw.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          out.putIfAbsent(part.substring(0, eq), part.substring(eq + 1));
        }
      }
    }
    return out;
  }

  private static Long number(String value) {
    if (value == null || value.isEmpty() || value.length() > 18) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return null;
      }
    }
    return Long.parseLong(value);
  }
}
