package dev.pagewalk.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses RFC 8288 {@code Link} header fields into relation → absolute URL, what expressions see as
 * {@code links}. Stateless and thread-safe.
 */
public final class LinkHeader {
  private LinkHeader() {}

  /**
   * The links of all {@code values} (each may hold several comma-separated links).
   *
   * <p>A {@code rel} with several space-separated relations ({@code rel="next last"}) names the
   * target under each. Relation names are stored lower-case; for a relation named twice the first
   * link wins. Targets are resolved against {@code base}, the URI that was requested. Malformed
   * links and targets that are not valid URIs are skipped, not fatal: a broken header must not fail
   * a run that does not use it.
   *
   * @return an unmodifiable map in header order
   */
  public static Map<String, String> parse(List<String> values, URI base) {
    Map<String, String> links = new LinkedHashMap<>();
    for (String value : values) {
      if (value != null) {
        new Parser(value).parseInto(links, base);
      }
    }
    return Collections.unmodifiableMap(links);
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    void parseInto(Map<String, String> links, URI base) {
      while (true) {
        skipWhitespaceAnd(',');
        if (pos >= s.length()) {
          return;
        }
        if (s.charAt(pos) != '<') {
          skipToNextLink();
          continue;
        }
        int close = s.indexOf('>', pos);
        if (close < 0) {
          return;
        }
        String target = s.substring(pos + 1, close).trim();
        pos = close + 1;
        String rel = parseParams();
        String resolved = resolve(base, target);
        if (rel != null && resolved != null) {
          for (String r : rel.trim().split("\\s+")) {
            if (!r.isEmpty()) {
              links.putIfAbsent(r.toLowerCase(Locale.ROOT), resolved);
            }
          }
        }
      }
    }

    /** Reads {@code ; name[=value]} pairs up to the next link; returns the first rel. */
    private String parseParams() {
      String rel = null;
      while (true) {
        skipWhitespaceAnd('\0');
        if (pos >= s.length() || s.charAt(pos) == ',') {
          return rel;
        }
        if (s.charAt(pos) != ';') {
          skipToNextLink();
          return rel;
        }
        pos++;
        skipWhitespaceAnd('\0');
        int start = pos;
        while (pos < s.length() && "=;, \t".indexOf(s.charAt(pos)) < 0) {
          pos++;
        }
        String name = s.substring(start, pos).toLowerCase(Locale.ROOT);
        skipWhitespaceAnd('\0');
        String value = null;
        if (pos < s.length() && s.charAt(pos) == '=') {
          pos++;
          skipWhitespaceAnd('\0');
          value = pos < s.length() && s.charAt(pos) == '"' ? quoted() : token();
        }
        if (name.equals("rel") && rel == null && value != null) {
          rel = value;
        }
      }
    }

    private String quoted() {
      StringBuilder sb = new StringBuilder();
      pos++;
      while (pos < s.length() && s.charAt(pos) != '"') {
        char c = s.charAt(pos);
        if (c == '\\' && pos + 1 < s.length()) {
          c = s.charAt(++pos);
        }
        sb.append(c);
        pos++;
      }
      pos++;
      return sb.toString();
    }

    private String token() {
      int start = pos;
      while (pos < s.length() && ";, \t".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      return s.substring(start, pos);
    }

    private void skipWhitespaceAnd(char extra) {
      while (pos < s.length()
          && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == extra)) {
        pos++;
      }
    }

    private void skipToNextLink() {
      boolean inQuotes = false;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '"') {
          inQuotes = !inQuotes;
        } else if (c == ',' && !inQuotes) {
          return;
        }
        pos++;
      }
    }
  }

  private static String resolve(URI base, String target) {
    try {
      URI uri = new URI(target);
      if (base == null) {
        return uri.isAbsolute() ? uri.toString() : null;
      }
      return UriResolver.resolve(base, uri).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
