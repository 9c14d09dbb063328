package dev.pagewalk.http;

import dev.pagewalk.spi.Transport;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-request bounds the engine enforces in {@link Exchanger}, whatever the {@link Transport}: a
 * hard deadline from send to last body byte, redirects included (null = none), the largest body
 * accepted after decompression, how many redirects may be followed, which hosts and addresses may
 * be reached ({@link NetworkPolicy}, on every hop), and which of the request's headers and query
 * parameters carry values derived from connection secrets: those are removed, with the {@link
 * Origin#CREDENTIAL_HEADERS} and the body, when a redirect leaves the request's origin. Header
 * names are stored lower-case; query names as given.
 *
 * <p>The network policy and the credential names are per request because one {@link Exchanger}
 * serves runs of different specs.
 */
public record RequestLimits(
    Duration deadline,
    long maxBodyBytes,
    int maxRedirects,
    NetworkPolicy network,
    Set<String> credentialHeaders,
    Set<String> credentialQuery) {
  public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  public RequestLimits {
    network = network == null ? NetworkPolicy.UNRESTRICTED : network;
    Set<String> lower = new TreeSet<>();
    for (String name : credentialHeaders == null ? Set.<String>of() : credentialHeaders) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    credentialHeaders = Set.copyOf(lower);
    credentialQuery = credentialQuery == null ? Set.of() : Set.copyOf(credentialQuery);
  }

  /** Unrestricted network, no credential headers or query parameters of the request's own. */
  public RequestLimits(Duration deadline, long maxBodyBytes, int maxRedirects) {
    this(deadline, maxBodyBytes, maxRedirects, NetworkPolicy.UNRESTRICTED, Set.of(), Set.of());
  }

  public static RequestLimits of(Duration deadline) {
    return new RequestLimits(deadline, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_REDIRECTS);
  }

  public RequestLimits withNetwork(NetworkPolicy policy) {
    return new RequestLimits(
        deadline, maxBodyBytes, maxRedirects, policy, credentialHeaders, credentialQuery);
  }

  public RequestLimits withCredentialHeaders(Set<String> names) {
    return new RequestLimits(deadline, maxBodyBytes, maxRedirects, network, names, credentialQuery);
  }

  public RequestLimits withCredentialQuery(Set<String> names) {
    return new RequestLimits(
        deadline, maxBodyBytes, maxRedirects, network, credentialHeaders, names);
  }

  public RequestLimits withMaxBodyBytes(long bytes) {
    return new RequestLimits(
        deadline, bytes, maxRedirects, network, credentialHeaders, credentialQuery);
  }
}
