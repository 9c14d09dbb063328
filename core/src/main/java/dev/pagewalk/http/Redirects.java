package dev.pagewalk.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How the transport follows one redirect: which statuses, the next request, credential stripping. */
final class Redirects {
  private static final List<String> ALWAYS_STRIPPED =
      List.of("Authorization", "Proxy-Authorization", "Cookie", "Host");
  private static final List<String> BODY_HEADERS =
      List.of("Content-Type", "Content-Encoding", "Content-Length", "Transfer-Encoding");

  private Redirects() {}

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static URI resolve(URI current, String location) throws IOException {
    URI target;
    try {
      target = new URI(location.trim());
    } catch (URISyntaxException e) {
      throw new IOException("redirect to an invalid Location \"" + location + "\": " + e.getReason());
    }
    URI resolved;
    try {
      resolved = UriResolver.resolve(current, target);
    } catch (URISyntaxException e) {
      throw new IOException("redirect to an invalid Location \"" + location + "\": " + e.getReason());
    }
    String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || resolved.getHost() == null) {
      throw new IOException("redirect to an unsupported Location \"" + location + "\"");
    }
    if (resolved.getRawFragment() != null) {
      resolved = URI.create(resolved.toString().substring(0, resolved.toString().indexOf('#')));
    }
    return resolved;
  }

  /**
   * The request to send to {@code target}: 301/302/303 turn into GET without a body (HEAD stays
   * HEAD), 307/308 keep method and body; credentials are dropped when the origin changes.
   */
  static HttpRequest follow(HttpRequest current, int status, URI target, Set<String> credentialHeaders) {
    String method = current.method();
    byte[] body = current.body();
    Headers headers = current.headers();
    if (status != 307 && status != 308) {
      method = method.equalsIgnoreCase("HEAD") ? method : "GET";
      if (body != null) {
        headers = headers.without(BODY_HEADERS);
      }
      body = null;
    }
    if (!sameOrigin(current.uri(), target)) {
      List<String> stripped = new ArrayList<>(ALWAYS_STRIPPED);
      stripped.addAll(credentialHeaders);
      headers = headers.without(stripped);
    }
    return new HttpRequest(method, target, headers, body);
  }

  static boolean sameOrigin(URI a, URI b) {
    return scheme(a).equals(scheme(b))
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static String scheme(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return scheme(uri).equals("https") ? 443 : 80;
  }
}
