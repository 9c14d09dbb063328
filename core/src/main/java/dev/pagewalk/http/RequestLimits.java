package dev.pagewalk.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-request bounds a transport must enforce: a hard deadline from send to last body byte
 * (null = none), the largest body accepted after decompression, how many redirects may be
 * followed, which hosts and addresses may be reached ({@link NetworkPolicy}, on every hop), and
 * which extra headers carry credentials for this request (removed, like Authorization, when a
 * redirect leaves the request's origin; names are stored lower-case).
 *
 * <p>The network policy and the credential headers are per request because the transport is
 * shared by runs of different specs.
 */
public record RequestLimits(
    Duration deadline,
    long maxBodyBytes,
    int maxRedirects,
    NetworkPolicy network,
    Set<String> credentialHeaders) {
  public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  public RequestLimits {
    network = network == null ? NetworkPolicy.UNRESTRICTED : network;
    Set<String> lower = new TreeSet<>();
    for (String name : credentialHeaders == null ? Set.<String>of() : credentialHeaders) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    credentialHeaders = Set.copyOf(lower);
  }

  /** Unrestricted network, no extra credential headers. */
  public RequestLimits(Duration deadline, long maxBodyBytes, int maxRedirects) {
    this(deadline, maxBodyBytes, maxRedirects, NetworkPolicy.UNRESTRICTED, Set.of());
  }

  public static RequestLimits of(Duration deadline) {
    return new RequestLimits(deadline, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_REDIRECTS);
  }

  public RequestLimits withNetwork(NetworkPolicy policy) {
    return new RequestLimits(deadline, maxBodyBytes, maxRedirects, policy, credentialHeaders);
  }

  public RequestLimits withCredentialHeaders(Set<String> names) {
    return new RequestLimits(deadline, maxBodyBytes, maxRedirects, network, names);
  }

  public RequestLimits withMaxBodyBytes(long bytes) {
    return new RequestLimits(deadline, bytes, maxRedirects, network, credentialHeaders);
  }
}
