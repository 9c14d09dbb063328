package dev.pagewalk.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The engine's network guard: every hop's URI (the first request, each redirect, each next-page
 * URL) is checked against the spec's {@link NetworkPolicy} before the transport is called, so a
 * transport that ignores the policy still cannot reach a forbidden host. The host name must be
 * allowed, and under {@code denyPrivateAddresses} every address it resolves to must be public (an
 * IP literal is judged as it stands, without a lookup). A name that does not resolve fails here as
 * it would in the transport. The transport resolves the name again to connect; the Apache transport
 * checks that answer too ({@link GuardedDnsResolver}), so a DNS answer that changes in between
 * cannot slip a private address past it.
 */
final class NetworkGuard {
  private NetworkGuard() {}

  static void check(URI uri, NetworkPolicy policy) throws UnknownHostException {
    if (policy.unrestricted()) {
      return;
    }
    String host = uri.getHost();
    if (host == null) {
      throw new ForbiddenAddressException("request to " + uri.getScheme() + ":// without a host");
    }
    policy.checkHost(host);
    if (!policy.denyPrivateAddresses()) {
      return;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    for (InetAddress address : InetAddress.getAllByName(bare)) {
      policy.checkAddress(host, address);
    }
  }
}
