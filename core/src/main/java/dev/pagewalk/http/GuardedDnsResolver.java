package dev.pagewalk.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * HttpClient's DNS resolver for one {@link NetworkPolicy}: refuses a host not in {@code allowHosts}
 * before resolving it, and refuses the host when any address it resolves to is forbidden. Because
 * the check happens where the connection's addresses are chosen, what was checked is what is
 * connected to: no second lookup can answer differently (DNS rebinding).
 */
final class GuardedDnsResolver implements DnsResolver {
  private final NetworkPolicy policy;
  private final DnsResolver delegate;

  GuardedDnsResolver(NetworkPolicy policy, DnsResolver delegate) {
    this.policy = policy;
    this.delegate = delegate;
  }

  GuardedDnsResolver(NetworkPolicy policy) {
    this(policy, SystemDefaultDnsResolver.INSTANCE);
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    policy.checkHost(host);
    InetAddress[] addresses = delegate.resolve(host);
    for (InetAddress a : addresses) {
      policy.checkAddress(host, a);
    }
    return addresses;
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    InetAddress[] addresses = resolve(host);
    List<InetSocketAddress> out = new ArrayList<>(addresses.length);
    for (InetAddress a : addresses) {
      out.add(new InetSocketAddress(a, port));
    }
    return out;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return delegate.resolveCanonicalHostname(host);
  }
}
