package dev.pagewalk.http;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.utils.URIUtils;

/**
 * RFC 3986 reference resolution, by HttpClient's {@link URIUtils#resolve(URI, URI)}. {@link
 * URI#resolve} follows RFC 2396, which resolves {@code ?page=2} against {@code /v1/items} to {@code
 * /v1/?page=2}; links and redirects need the browser behaviour. Two browser habits are kept on top:
 * a base with an empty path has the path {@code /} ({@code ?page=2} against {@code https://x} is
 * {@code https://x/?page=2}), and an absolute reference is used exactly as the server sent it
 * (URIUtils would lower-case its host and add a path).
 */
public final class UriResolver {
  private UriResolver() {}

  public static URI resolve(URI base, URI reference) throws URISyntaxException {
    if (reference.isAbsolute()) {
      return reference;
    }
    String path = base.getRawPath();
    URI rooted =
        path == null || path.isEmpty()
            ? new URI(
                base.getScheme()
                    + "://"
                    + base.getRawAuthority()
                    + "/"
                    + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()))
            : base;
    return URIUtils.resolve(rooted, reference);
  }
}
