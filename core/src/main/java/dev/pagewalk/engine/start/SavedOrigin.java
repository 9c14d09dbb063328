package dev.pagewalk.engine.start;

import dev.pagewalk.InputException;
import dev.pagewalk.engine.request.CrossOrigin;
import dev.pagewalk.http.ForbiddenAddressException;
import dev.pagewalk.http.NetworkPolicy;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.state.NextRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the request a checkpoint saved would go, checked before a resumed run sends it: a
 * checkpoint lives on disk where others may edit it, and its request carries the run's credentials.
 * It must stay within the origins the spec allows — the base URL's origin, and the hosts {@code
 * network.allowHosts} lists — or the resume is refused, naming the host (never the URL, whose query
 * may hold placeholders for secrets).
 */
public final class SavedOrigin {
  private static final Pattern AUTHORITY =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)");

  private SavedOrigin() {}

  /**
   * The {@code scheme://authority} a URL text goes to, as a URI; null when it names no host. The
   * rest of the URL is left out: its query may hold placeholders that do not parse.
   */
  static URI origin(String url) {
    Matcher m = url == null ? null : AUTHORITY.matcher(url);
    if (m == null || !m.find()) {
      return null;
    }
    try {
      URI origin = new URI(m.group(1) + "://" + m.group(2));
      return origin.getHost() == null ? null : origin;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String hostAndPort(URI origin) {
    int port = origin.getPort();
    boolean standard =
        port < 0
            || (port == 80 && "http".equalsIgnoreCase(origin.getScheme()))
            || (port == 443 && "https".equalsIgnoreCase(origin.getScheme()));
    return standard ? origin.getHost() : origin.getHost() + ":" + port;
  }

  /**
   * Refuses to resume with {@code next} when it leaves the allowed origins. A spec without a base
   * URL and without {@code network.allowHosts} names no origin to hold it to.
   *
   * @param baseUrl the sync's base URL, with placeholders where secrets appear; null when none
   * @throws InputException naming the host
   */
  public static void check(Plan plan, String baseUrl, NextRequest next) {
    if (next == null || next.url() == null) {
      return;
    }
    boolean relative = next.url().startsWith(NextRequest.BASE_URL);
    String url =
        relative && baseUrl != null
            ? baseUrl + next.url().substring(NextRequest.BASE_URL.length())
            : next.url();
    NetworkPolicy allowed = new NetworkPolicy(plan.network().allowHosts(), false);
    URI base = origin(baseUrl);
    if (base == null && allowed.allowHosts().isEmpty()) {
      return;
    }
    URI target = origin(url);
    if (target != null && base != null && !CrossOrigin.leaves(base, target)) {
      return;
    }
    if (target != null && !allowed.allowHosts().isEmpty()) {
      try {
        allowed.checkHost(target.getHost().toLowerCase(Locale.ROOT));
        return;
      } catch (ForbiddenAddressException e) {
        // refused below, naming the base URL as well
      }
    }
    throw new InputException(
        plan.name()
            + ": cannot resume: the checkpoint's next request "
            + (target == null ? "names no host" : "goes to " + hostAndPort(target))
            + ", which is not the base URL's origin ("
            + baseUrl
            + ") nor in network.allowHosts;"
            + " the checkpoint was changed, start over with --replace");
  }
}
