package dev.pagewalk.engine;

import dev.pagewalk.http.HttpRequest;
import java.util.Set;

/**
 * A request ready to send, with its redacted form for messages, logs and reports, and the names
 * of its headers that carry connection values (the transport drops them, with Authorization,
 * Proxy-Authorization and Cookie, when a redirect leaves the origin).
 */
record BuiltRequest(
    HttpRequest http, String display, boolean pagination, Set<String> credentialHeaders) {
  BuiltRequest {
    credentialHeaders = credentialHeaders == null ? Set.of() : Set.copyOf(credentialHeaders);
  }

  BuiltRequest(HttpRequest http, String display, boolean pagination) {
    this(http, display, pagination, Set.of());
  }
}
