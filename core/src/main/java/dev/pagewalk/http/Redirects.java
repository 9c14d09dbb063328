package dev.pagewalk.http;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the engine follows one redirect: which responses are followed, where to, and what of the
 * request goes along. 301/302/303 turn into GET without a body (HEAD stays HEAD), 307/308 keep
 * method and body. When the hop leaves the request's origin ({@link Origin#same}), the request
 * loses its {@link Origin#CREDENTIAL_HEADERS}, Host, the headers and query parameters derived from
 * connection secrets ({@link RequestLimits#credentialHeaders()}, {@link
 * RequestLimits#credentialQuery()}) — also when the server copied them into the Location — and its
 * body. A Location with credentials of its own ({@code user:password@}) is refused.
 */
final class Redirects {
  private static final List<String> BODY_HEADERS =
      List.of("Content-Type", "Content-Encoding", "Content-Length", "Transfer-Encoding");

  private Redirects() {}

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** True when the engine follows this response: a redirect status with a Location. */
  static boolean followed(int status, Headers headers) {
    return isRedirect(status) && headers.first("Location").isPresent();
  }

  static URI resolve(URI current, String location) throws IOException {
    URI resolved;
    try {
      resolved = UriResolver.resolve(current, new URI(location.trim()));
    } catch (URISyntaxException e) {
      throw new IOException(
          "redirect to an invalid Location \""
              + Redaction.maskUserInfo(location)
              + "\": "
              + e.getReason());
    }
    String scheme =
        resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || resolved.getHost() == null) {
      throw new IOException(
          "redirect to an unsupported Location \"" + Redaction.maskUserInfo(location) + "\"");
    }
    if (resolved.getRawUserInfo() != null) {
      throw new ForbiddenAddressException(
          "redirect to "
              + scheme
              + "://"
              + resolved
                  .getRawAuthority()
                  .substring(resolved.getRawAuthority().lastIndexOf('@') + 1)
              + " refused: its Location carries credentials (user-info)");
    }
    if (resolved.getRawFragment() != null) {
      resolved = URI.create(resolved.toString().substring(0, resolved.toString().indexOf('#')));
    }
    return resolved;
  }

  /** The request to send to {@code target} after a {@code status} redirect from {@code current}. */
  static HttpRequest follow(HttpRequest current, int status, URI target, RequestLimits limits) {
    String method = current.method();
    byte[] body = current.body();
    Headers headers = current.headers();
    boolean leaves = !Origin.same(current.uri(), target);
    if (status != 307 && status != 308 || leaves) {
      if (status != 307 && status != 308) {
        method = method.equalsIgnoreCase("HEAD") ? method : "GET";
      }
      if (body != null) {
        headers = headers.without(BODY_HEADERS);
      }
      body = null;
    }
    if (leaves) {
      List<String> stripped = new ArrayList<>(Origin.CREDENTIAL_HEADERS);
      stripped.add("host");
      stripped.addAll(limits.credentialHeaders());
      headers = headers.without(stripped);
      target = withoutQuery(target, limits.credentialQuery());
    }
    return new HttpRequest(method, target, headers, body);
  }

  /**
   * {@code uri} without the query parameters named in {@code names} (the rest kept byte for byte).
   */
  static URI withoutQuery(URI uri, Set<String> names) {
    String query = uri.getRawQuery();
    if (query == null || names.isEmpty()) {
      return uri;
    }
    StringBuilder kept = new StringBuilder();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (!names.contains(name)) {
        kept.append(kept.length() == 0 ? "" : "&").append(pair);
      }
    }
    String s = uri.toString();
    int q = s.indexOf('?');
    int hash = s.indexOf('#', q);
    String rest = hash < 0 ? "" : s.substring(hash);
    return URI.create(s.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept) + rest);
  }
}
