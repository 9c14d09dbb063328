package dev.pagewalk.spi;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/** A fully built request, ready for a {@link Transport}. The body is null for none. */
public record HttpRequest(String method, URI uri, Headers headers, byte[] body) {
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = headers == null ? Headers.empty() : headers;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpRequest r
        && r.method.equals(method)
        && r.uri.equals(uri)
        && r.headers.equals(headers)
        && Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return method + " " + uri;
  }
}
