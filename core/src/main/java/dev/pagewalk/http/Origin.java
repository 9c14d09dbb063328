package dev.pagewalk.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The one definition of two facts every credential rule uses: which headers carry credentials
 * whatever their value, and when two URIs share an origin (RFC 6454: scheme, host and port, the
 * port defaulting by scheme). Redirects, next-page URLs, resumed checkpoints and redaction all ask
 * here.
 */
public final class Origin {
  /** Header names (lower-case) that are credentials whatever their value. */
  public static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie");

  private Origin() {}

  /** True for Authorization, Proxy-Authorization and Cookie, in any spelling. */
  public static boolean isCredentialHeader(String name) {
    return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** True when both URIs have a host and the same scheme, host (case-insensitive) and port. */
  public static boolean same(URI a, URI b) {
    if (a == null || b == null || a.getHost() == null || b.getHost() == null) {
      return false;
    }
    return scheme(a).equals(scheme(b))
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static String scheme(URI uri) {
    return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return scheme(uri).equals("https") ? 443 : 80;
  }
}
