package dev.pagewalk.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which hosts a request may reach: the spec's {@code network: {allowHosts, denyPrivateAddresses}}.
 *
 * <p>{@code allowHosts} entries are host names matched case-insensitively, exactly, or {@code
 * *.example.com} for any subdomain of example.com (not example.com itself); IP literals may be
 * listed too. An empty list allows every host. With {@code denyPrivateAddresses}, a host is refused
 * when <em>any</em> address it resolves to is loopback (127/8, ::1), link-local (169.254/16 — cloud
 * metadata endpoints — and fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10),
 * carrier-grade NAT (100.64/10), unspecified (0.0.0.0/8, ::), broadcast or multicast. An IPv6
 * address that carries an IPv4 address (IPv4-mapped or -compatible, SIIT's IPv4-translated, NAT64's
 * 64:ff9b::/96 and local-use 64:ff9b:1::/48, 6to4's 2002::/16; see {@link EmbeddedIpv4}) is judged
 * by that IPv4 address. Refusing on any bad address, rather than filtering them out, leaves a DNS
 * answer that mixes public and private addresses no way to reach the private one.
 *
 * <p>Enforced by the engine on every hop — the first request, each redirect and each next-page URL
 * — before the transport is called ({@link NetworkGuard} resolves the name itself), so a public
 * name that resolves to 127.0.0.1 is refused as well as a literal 127.0.0.1; {@link
 * ApacheTransport} checks its own DNS answers again ({@link GuardedDnsResolver}).
 */
public record NetworkPolicy(List<String> allowHosts, boolean denyPrivateAddresses) {
  /** No restriction. */
  public static final NetworkPolicy UNRESTRICTED = new NetworkPolicy(List.of(), false);

  public NetworkPolicy {
    List<String> lower = new ArrayList<>();
    for (String h : allowHosts == null ? List.<String>of() : allowHosts) {
      lower.add(h.trim().toLowerCase(Locale.ROOT));
    }
    allowHosts = List.copyOf(lower);
  }

  public boolean unrestricted() {
    return allowHosts.isEmpty() && !denyPrivateAddresses;
  }

  /** Refuses a host name that {@code allowHosts} does not list. */
  public void checkHost(String host) throws ForbiddenAddressException {
    if (allowHosts.isEmpty()) {
      return;
    }
    String h = normalize(host);
    for (String allowed : allowHosts) {
      if (allowed.startsWith("*.")
          ? h.endsWith(allowed.substring(1)) && h.length() > allowed.length() - 1
          : h.equals(normalize(allowed))) {
        return;
      }
    }
    throw new ForbiddenAddressException(
        "host " + host + " is not in network.allowHosts " + allowHosts);
  }

  /** Refuses an address that {@code denyPrivateAddresses} forbids. */
  public void checkAddress(String host, InetAddress address) throws ForbiddenAddressException {
    if (!denyPrivateAddresses) {
      return;
    }
    String kind = forbiddenKind(address);
    if (kind != null) {
      throw new ForbiddenAddressException(
          "host "
              + host
              + " resolves to "
              + kind
              + " address "
              + address.getHostAddress()
              + ", refused by network.denyPrivateAddresses");
    }
  }

  /** What makes an address off-limits with denyPrivateAddresses, or null when it is public. */
  static String forbiddenKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "a loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "an unspecified";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "a private";
    }
    if (a.isMulticastAddress()) {
      return "a multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "an unspecified";
      }
      if (first == 100 && (second & 0xc0) == 64) {
        return "a carrier-grade NAT";
      }
      if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
        return "a broadcast";
      }
    } else if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "a private (unique local)";
      }
      return EmbeddedIpv4.in(b)
          .map(e -> e.forbiddenKind(NetworkPolicy::forbiddenKind))
          .orElse(null);
    }
    return null;
  }

  private static String normalize(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
