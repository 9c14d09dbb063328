package dev.pagewalk.http;

import dev.pagewalk.spi.Headers;
import java.net.URI;
import java.util.Objects;

/**
 * A response read in full (bounded by the engine's size cap and deadline). {@code uri} is the URI
 * that finally answered, after any redirects.
 */
public record HttpResponse(int status, String reason, Headers headers, byte[] body, URI uri) {
  public HttpResponse {
    headers = headers == null ? Headers.empty() : headers;
    body = body == null ? new byte[0] : body;
    Objects.requireNonNull(uri, "uri");
  }
}
