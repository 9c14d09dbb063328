package dev.pagewalk.engine.request;

import dev.pagewalk.spi.HttpRequest;
import java.util.Set;

/**
 * A request ready to send, with its redacted form for messages, logs and reports, and the names of
 * its headers and query parameters that carry connection values (the engine drops them, with
 * Authorization, Proxy-Authorization and Cookie, when a redirect leaves the origin).
 */
public record BuiltRequest(
    HttpRequest http,
    String display,
    boolean pagination,
    Set<String> credentialHeaders,
    Set<String> credentialQuery) {
  public BuiltRequest {
    credentialHeaders = credentialHeaders == null ? Set.of() : Set.copyOf(credentialHeaders);
    credentialQuery = credentialQuery == null ? Set.of() : Set.copyOf(credentialQuery);
  }

  BuiltRequest(
      HttpRequest http, String display, boolean pagination, Set<String> credentialHeaders) {
    this(http, display, pagination, credentialHeaders, Set.of());
  }

  BuiltRequest(HttpRequest http, String display, boolean pagination) {
    this(http, display, pagination, Set.of());
  }
}
