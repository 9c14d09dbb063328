package dev.pagewalk.engine;

import dev.pagewalk.InputException;
import dev.pagewalk.http.ForbiddenAddressException;
import dev.pagewalk.http.NetworkPolicy;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.state.NextRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the request a checkpoint saved would go, checked before a resumed run sends it: a
 * checkpoint lives on disk where others may edit it, and its request carries the run's
 * credentials. It must stay within the origins the spec allows — the base URL's origin, and
 * the hosts {@code network.allowHosts} lists — or the resume is refused, naming the host (never
 * the URL, whose query may hold placeholders for secrets).
 */
final class SavedOrigin {
  private static final Pattern AUTHORITY = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)");

  private SavedOrigin() {}

  /** The origin a URL text goes to; null when it names no host. */
  record Origin(String scheme, String host, int port) {
    static Origin of(String url) {
      Matcher m = url == null ? null : AUTHORITY.matcher(url);
      if (m == null || !m.find()) {
        return null;
      }
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      String authority = m.group(2).substring(m.group(2).lastIndexOf('@') + 1);
      int colon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
          : authority.lastIndexOf(':');
      String host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
      String port = colon < 0 ? "" : authority.substring(colon + 1);
      if (host.isEmpty()) {
        return null;
      }
      int number = port.isEmpty() ? defaultPort(scheme) : port.matches("[0-9]{1,5}")
          ? Integer.parseInt(port) : -2;
      return new Origin(scheme, host, number);
    }

    private static int defaultPort(String scheme) {
      return switch (scheme) {
        case "http" -> 80;
        case "https" -> 443;
        default -> -1;
      };
    }

    String hostAndPort() {
      return port == defaultPort(scheme) || port < 0 ? host : host + ":" + port;
    }
  }

  /**
   * Refuses to resume with {@code next} when it leaves the allowed origins. A spec without a base
   * URL and without {@code network.allowHosts} names no origin to hold it to.
   *
   * @param baseUrl the sync's base URL, with placeholders where secrets appear; null when none
   * @throws InputException naming the host
   */
  static void check(Plan plan, String baseUrl, NextRequest next) {
    if (next == null || next.url() == null) {
      return;
    }
    boolean relative = next.url().startsWith(NextRequest.BASE_URL);
    String url = relative && baseUrl != null
        ? baseUrl + next.url().substring(NextRequest.BASE_URL.length()) : next.url();
    NetworkPolicy allowed = new NetworkPolicy(plan.network().allowHosts(), false);
    Origin base = Origin.of(baseUrl);
    if (base == null && allowed.allowHosts().isEmpty()) {
      return;
    }
    Origin target = Origin.of(url);
    if (target != null && target.equals(base)) {
      return;
    }
    if (target != null && !allowed.allowHosts().isEmpty()) {
      try {
        allowed.checkHost(target.host());
        return;
      } catch (ForbiddenAddressException e) {
        // refused below, naming the base URL as well
      }
    }
    throw new InputException(plan.name() + ": cannot resume: the checkpoint's next request "
        + (target == null ? "names no host" : "goes to " + target.hostAndPort())
        + ", which is not the base URL's origin (" + baseUrl + ") nor in network.allowHosts;"
        + " the checkpoint was changed, start over with --replace");
  }
}
