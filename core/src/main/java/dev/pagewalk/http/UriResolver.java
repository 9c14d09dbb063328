package dev.pagewalk.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * RFC 3986 reference resolution. {@link URI#resolve} follows RFC 2396, which resolves {@code
 * ?page=2} against {@code /v1/items} to {@code /v1/?page=2} and mishandles a base with an empty
 * path; links and redirects need the browser behaviour.
 */
final class UriResolver {
  private UriResolver() {}

  static URI resolve(URI base, URI reference) throws URISyntaxException {
    if (reference.isAbsolute()) {
      return reference;
    }
    String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
    String prefix = base.getScheme() + "://" + base.getRawAuthority() + basePath;
    if (reference.getRawAuthority() == null
        && (reference.getRawPath() == null || reference.getRawPath().isEmpty())) {
      String query = reference.getRawQuery() != null ? reference.getRawQuery() : base.getRawQuery();
      String text = prefix
          + (query == null ? "" : "?" + query)
          + (reference.getRawFragment() == null ? "" : "#" + reference.getRawFragment());
      return new URI(text);
    }
    return new URI(prefix).resolve(reference);
  }
}
