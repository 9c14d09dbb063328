package dev.pagewalk.http;

import dev.pagewalk.spi.BrokenResponseException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * The edge between HttpClient's exception types and the ones the engine classifies: the JDK's
 * ({@code java.net}, {@code javax.net.ssl}, which HttpClient mostly throws already) and {@link
 * BrokenResponseException} for what the JDK has no type for. Messages are kept as HttpClient wrote
 * them.
 */
final class ApacheFailures {
  private ApacheFailures() {}

  /** {@code e} in the engine's terms; {@code inBody}: thrown while reading the body. */
  static IOException translate(IOException e, boolean inBody) {
    if (e instanceof MessageConstraintException m) {
      return HttpClientFactory.headTooLarge(m, inBody);
    }
    if (e instanceof NoHttpResponseException) {
      return broken(BrokenResponseException.Kind.EMPTY_RESPONSE, e);
    }
    if (e instanceof MalformedChunkCodingException) {
      return broken(BrokenResponseException.Kind.MALFORMED_CHUNK, e);
    }
    if (e instanceof ConnectionClosedException) {
      return broken(BrokenResponseException.Kind.TRUNCATED_BODY, e);
    }
    if (e instanceof ConnectTimeoutException) {
      HttpConnectTimeoutException t = new HttpConnectTimeoutException(e.getMessage());
      t.initCause(e);
      return t;
    }
    if (e instanceof ClientProtocolException) {
      java.net.ProtocolException p = new java.net.ProtocolException(e.getMessage());
      p.initCause(e);
      return p;
    }
    return e;
  }

  private static BrokenResponseException broken(BrokenResponseException.Kind kind, IOException e) {
    return new BrokenResponseException(kind, e.getMessage(), e);
  }
}
