package dev.pagewalk.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.hc.core5.net.PercentCodec;

/**
 * Builds request URIs from a spec's {@code baseUrl}, {@code url} and {@code qs}. Stateless and
 * thread-safe.
 *
 * <p>A relative {@code url} is appended to {@code baseUrl} as text, as Make does, so a base with a
 * path prefix keeps it: {@code https://x/api/v2} + {@code /users} → {@code https://x/api/v2/users}
 * (one slash between them, whatever either side has). An absolute {@code url} (one with a scheme)
 * is used as is. A fragment is dropped: it is never sent. A URL with credentials ({@code
 * user:password@host}) is refused, its password masked in the message: the HTTP client would refuse
 * it anyway, and a password in a URL ends up in logs and reports.
 */
public final class UrlBuilder {
  private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final PercentCodec UNRESERVED_KEPT = PercentCodec.RFC3986;

  private UrlBuilder() {}

  /** {@link #build(String, String, Map, boolean, Function)} with {@link String#valueOf}. */
  public static URI build(String baseUrl, String url, Map<String, ?> qs, boolean encodeUrl) {
    return build(baseUrl, url, qs, encodeUrl, String::valueOf);
  }

  /**
   * The request URI.
   *
   * @param baseUrl the spec's base URL; may be null when {@code url} is absolute
   * @param url absolute, or relative to {@code baseUrl}; null or empty means the base itself
   * @param qs query parameters appended after any query already in {@code url}, in map order; a
   *     {@link Collection} value repeats the name ({@code a=1&a=2}); null values and null elements
   *     are omitted
   * @param encodeUrl true: names and values are percent-encoded (RFC 3986 unreserved characters
   *     kept, space → {@code %20}), and characters that are illegal in a URI are encoded in {@code
   *     url}; false: both are used raw, as the author encoded them
   * @param text renders a query value as text (the expression language's text form)
   * @throws IllegalArgumentException when the result is not an absolute http(s) URL
   */
  public static URI build(
      String baseUrl,
      String url,
      Map<String, ?> qs,
      boolean encodeUrl,
      Function<Object, String> text) {
    String joined = join(baseUrl, url == null ? "" : url.trim());
    int hash = joined.indexOf('#');
    if (hash >= 0) {
      joined = joined.substring(0, hash);
    }
    if (encodeUrl) {
      joined = encodeIllegal(joined);
    }
    StringBuilder sb = new StringBuilder(joined);
    boolean hasQuery = joined.indexOf('?') >= 0;
    boolean needsSeparator = hasQuery && !joined.endsWith("?") && !joined.endsWith("&");
    if (qs != null) {
      for (Map.Entry<String, ?> e : qs.entrySet()) {
        Object value = e.getValue();
        Iterable<?> values =
            value instanceof Collection<?> c ? c : java.util.Collections.singleton(value);
        for (Object v : values) {
          if (v == null) {
            continue;
          }
          sb.append(needsSeparator ? "&" : hasQuery ? "" : "?");
          hasQuery = true;
          needsSeparator = true;
          String name = e.getKey();
          String rendered = text.apply(v);
          sb.append(encodeUrl ? encode(name) : name).append('=');
          sb.append(encodeUrl ? encode(rendered) : rendered);
        }
      }
    }
    return parse(sb.toString());
  }

  /** Percent-encodes everything but the RFC 3986 unreserved characters, as UTF-8. */
  public static String encode(String s) {
    return UNRESERVED_KEPT.encode(s);
  }

  private static String join(String baseUrl, String url) {
    if (HAS_SCHEME.matcher(url).find()) {
      return url;
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("relative URL \"" + redact(url) + "\" needs a baseUrl");
    }
    String base = baseUrl.trim();
    if (url.isEmpty() || url.startsWith("?")) {
      return base + url;
    }
    String trimmedBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return trimmedBase + (url.startsWith("/") ? url : "/" + url);
  }

  /**
   * Encodes characters never legal in a URI (space, controls, non-ASCII, {@code "<>\^`{|}}),
   * leaving the rest, escapes included, as the author wrote them. HttpClient's URIBuilder has no
   * such mode: it decodes and re-encodes the whole query, turning {@code a+b} into {@code a%2Bb}
   * and {@code 1,2} into {@code 1%2C2}, which changes what the author sent (UrlBuilderTest pins
   * this); the query parameters are appended here for the same reason.
   */
  static String encodeIllegal(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
        sb.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendEscape(sb, b);
        }
        i = end - 1;
      }
    }
    return sb.toString();
  }

  private static void appendEscape(StringBuilder sb, byte b) {
    sb.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
  }

  private static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "invalid URL \"" + redact(url) + "\": " + e.getReason() + " at index " + e.getIndex(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "invalid URL \"" + redact(url) + "\": only http and https URLs are supported");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("invalid URL \"" + redact(url) + "\": no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "invalid URL \""
              + redact(url)
              + "\": credentials"
              + " (user:password@) in a URL are not sent; put them in a header or the connection");
    }
    return uri;
  }

  /** The URL with sensitive query values and the password of {@code user:password@} masked. */
  static String redact(String url) {
    return Redaction.redactUrl(Redaction.maskUserInfo(url), Set.of(), Set.of());
  }
}
