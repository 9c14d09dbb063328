package dev.pagewalk.engine.request;

import dev.pagewalk.http.UriResolver;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where a {@code pagination.url} points (spec-language section 3.3): an absolute URL is used as it
 * is; a value starting with one {@code /} is joined to the base URL as in Make, unless it already
 * starts with the base URL's path (then it is taken from the base URL's origin, not prefixed
 * twice); every other relative reference ({@code ?page=2}, {@code next}, {@code ../x}, {@code
 * //host/x}) is resolved against the URL of the page just fetched, as a browser resolves a link.
 */
final class NextLink {
  private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private NextLink() {}

  /**
   * The URL to hand to the URL builder: absolute, or a {@code /path} it joins to {@code baseUrl}.
   *
   * @param baseUrl the run's base URL; null without one
   * @param next the evaluated {@code pagination.url}
   * @param fetched the URL of the page just fetched; null when unknown
   */
  static String resolve(String baseUrl, String next, URI fetched) {
    String link = next.trim();
    if (HAS_SCHEME.matcher(link).find()) {
      return link;
    }
    boolean rooted = link.startsWith("/") && !link.startsWith("//");
    if (rooted && baseUrl != null && !baseUrl.isBlank()) {
      URI base = parse(baseUrl.trim());
      String path = base == null || base.getRawPath() == null ? "" : base.getRawPath();
      path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      if (!path.isEmpty() && startsWithPath(link, path) && base.getRawAuthority() != null) {
        return base.getScheme() + "://" + base.getRawAuthority() + link;
      }
      return link;
    }
    URI reference = parse(link);
    if (fetched == null || reference == null) {
      return link;
    }
    try {
      return UriResolver.resolve(fetched, reference).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return link;
    }
  }

  private static boolean startsWithPath(String link, String path) {
    if (!link.startsWith(path)) {
      return false;
    }
    if (link.length() == path.length()) {
      return true;
    }
    char after = link.charAt(path.length());
    return after == '/' || after == '?' || after == '#';
  }

  private static URI parse(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
