package dev.pagewalk.http;

import dev.pagewalk.spi.Headers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks credentials in URIs and headers before they reach an error message, a log line or a report.
 * Every masked part becomes {@value #MASK}. Stateless and thread-safe.
 */
public final class Redaction {
  /** What a masked value is replaced with. */
  public static final String MASK = "***";

  /** The shortest secret value that is masked wherever it appears; see {@link #maskable}. */
  public static final int MIN_SECRET_LENGTH = 3;

  /** Query parameter names whose values are always masked (compared case-insensitively). */
  public static final Set<String> SENSITIVE_QUERY_NAMES =
      Set.of(
          "access_token",
          "api_key",
          "apikey",
          "key",
          "token",
          "password",
          "secret",
          "signature",
          "sig",
          "client_secret");

  /** The {@link Origin#CREDENTIAL_HEADERS} and the response's Set-Cookie. */
  private static final Set<String> SENSITIVE_HEADERS = withSetCookie();

  private Redaction() {}

  private static Set<String> withSetCookie() {
    Set<String> names = new java.util.HashSet<>(Origin.CREDENTIAL_HEADERS);
    names.add("set-cookie");
    return Set.copyOf(names);
  }

  /**
   * {@code scheme://user:password@host} → {@code scheme://user:***@host}; a user alone (often a
   * token) is masked whole. Works on text that may not parse as a URI.
   */
  public static String maskUserInfo(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    start += 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    String shown = colon >= 0 && colon < at ? url.substring(start, colon + 1) + MASK : MASK;
    return url.substring(0, start) + shown + url.substring(at);
  }

  /**
   * The URI as text with every occurrence of a secret value (in any of its {@link SecretForms}) and
   * the value of every sensitive query parameter ({@link #SENSITIVE_QUERY_NAMES} plus {@code
   * sensitiveQueryNames}) replaced by {@value #MASK}.
   */
  public static String redactUri(
      URI uri, Set<String> secretValues, Set<String> sensitiveQueryNames) {
    return redactUrl(uri.toString(), secretValues, sensitiveQueryNames);
  }

  /** {@link #redactUri} for URL text that may not even parse as a URI. */
  public static String redactUrl(
      String url, Set<String> secretValues, Set<String> sensitiveQueryNames) {
    String text = maskSecrets(url, secretValues);
    int q = text.indexOf('?');
    if (q < 0) {
      return text;
    }
    int hash = text.indexOf('#', q);
    int end = hash < 0 ? text.length() : hash;
    StringBuilder out = null; // built only once a value is masked
    for (int start = q + 1; start <= end; ) {
      int amp = text.indexOf('&', start);
      if (amp < 0 || amp > end) {
        amp = end;
      }
      int eq = text.indexOf('=', start);
      if (eq >= 0 && eq < amp && isSensitiveName(text.substring(start, eq), sensitiveQueryNames)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, start);
        }
        out.append(text, start, eq + 1).append(MASK);
      } else if (out != null) {
        out.append(text, start, amp);
      }
      if (out != null && amp < end) {
        out.append('&');
      }
      start = amp + 1;
    }
    return out == null ? text : out.append(text, end, text.length()).toString();
  }

  /**
   * A copy with the values of Authorization, Proxy-Authorization, Cookie and Set-Cookie, and of
   * every field whose value contains a secret, replaced by {@value #MASK}.
   */
  public static Headers redactHeaders(Headers headers, Set<String> secretValues) {
    return redactHeaders(headers, secretValues, Set.of());
  }

  /** {@link #redactHeaders(Headers, Set)} that also masks the named fields (case-insensitive). */
  public static Headers redactHeaders(
      Headers headers, Set<String> secretValues, Set<String> sensitiveNames) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, String> f : headers.fields()) {
      String name = f.getKey().toLowerCase(Locale.ROOT);
      boolean mask =
          SENSITIVE_HEADERS.contains(name)
              || sensitiveNames.stream().anyMatch(n -> n.equalsIgnoreCase(name))
              || !maskSecrets(f.getValue(), secretValues).equals(f.getValue());
      out.add(Map.entry(f.getKey(), mask ? MASK : f.getValue()));
    }
    return Headers.of(out);
  }

  private static boolean isSensitiveName(String rawName, Set<String> extra) {
    String name = rawName;
    if (rawName.indexOf('%') >= 0 || rawName.indexOf('+') >= 0) {
      try {
        name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        name = rawName;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (SENSITIVE_QUERY_NAMES.contains(lower)) {
      return true;
    }
    for (String e : extra) {
      if (lower.equalsIgnoreCase(e)) {
        return true;
      }
    }
    return false;
  }

  private static String maskSecrets(String text, Set<String> secretValues) {
    return secretValues.isEmpty() ? text : SecretForms.of(secretValues).mask(text);
  }

  /**
   * Whether a secret value is masked wherever it appears: one of at least {@value
   * #MIN_SECRET_LENGTH} characters. A shorter one would match inside unrelated text and mask it.
   */
  public static boolean maskable(String secret) {
    return secret != null && secret.length() >= MIN_SECRET_LENGTH;
  }
}
