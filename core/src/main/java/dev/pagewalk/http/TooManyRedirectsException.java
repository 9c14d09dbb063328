package dev.pagewalk.http;

import java.io.IOException;

/**
 * A request was redirected more often than {@link RequestLimits#maxRedirects()} allows, or back to
 * a URI it had already visited. The message lists the chain of (redacted) URIs.
 */
public final class TooManyRedirectsException extends IOException {
  public TooManyRedirectsException(String message) {
    super(message);
  }
}
