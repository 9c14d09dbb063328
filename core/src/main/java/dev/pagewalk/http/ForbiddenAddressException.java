package dev.pagewalk.http;

import java.net.UnknownHostException;

/**
 * A request (or one of its redirects) was refused by the spec's {@code network} policy: its host is
 * not in {@code allowHosts}, or it resolves to a loopback, private, link-local, unspecified or
 * multicast address while {@code denyPrivateAddresses} is on. Never retried: the answer would be
 * the same.
 *
 * <p>It extends {@link UnknownHostException} because it is thrown from HttpClient's {@code
 * DnsResolver}, whose contract allows only that exception; to the engine it is an IOException like
 * any other transport failure.
 */
public final class ForbiddenAddressException extends UnknownHostException {
  public ForbiddenAddressException(String message) {
    super(message);
  }
}
