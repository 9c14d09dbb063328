package dev.pagewalk.retry;

import dev.pagewalk.http.DeadlineExceededException;
import dev.pagewalk.http.ForbiddenAddressException;
import dev.pagewalk.http.MalformedBodyException;
import dev.pagewalk.http.ResponseTooLargeException;
import dev.pagewalk.http.TooManyRedirectsException;
import dev.pagewalk.spi.BrokenResponseException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * What went wrong with one attempt, as a stable short name: the {@code cause} of a {@code
 * RetryEvent}, the key of the run's {@code faults} counter, and the start of the failure message.
 * Names never change once released; scripts may match on them.
 *
 * <p>{@link #retryable()} says whether re-sending the same request can help. A deterministic
 * outcome — a forbidden address, a body over the size cap, a redirect loop, a body that is not JSON
 * — is not retried however {@code retry.on} reads: the next attempt would fail the same way.
 */
public enum Fault implements FaultKind {
  CONNECTION_RESET("connection-reset", true),
  CONNECTION_REFUSED("connection-refused", true),
  CONNECT_TIMEOUT("connect-timeout", true),
  EMPTY_RESPONSE("empty-response", true),
  MALFORMED_CHUNK("malformed-chunk", true),
  MALFORMED_RESPONSE("malformed-response", true),
  TRUNCATED_BODY("truncated-body", true),
  READ_TIMEOUT("read-timeout", true),
  DEADLINE("deadline", true),
  UNKNOWN_HOST("unknown-host", true),
  TLS("tls", true),
  IO("io", true),
  MALFORMED_BODY("malformed-body", false),
  RESPONSE_TOO_LARGE("response-too-large", false),
  TOO_MANY_REDIRECTS("too-many-redirects", false),
  FORBIDDEN_ADDRESS("forbidden-address", false),
  /**
   * An empty page whose pagination condition still asked for more, asked for once more: never the
   * classification of an I/O failure.
   */
  EMPTY_PAGE_WITH_CONTINUATION("empty-page-with-continuation", true);

  private final String label;
  private final boolean retryable;

  Fault(String label, boolean retryable) {
    this.label = label;
    this.retryable = retryable;
  }

  /** The stable short name, e.g. {@code connection-reset}. */
  @Override
  public String label() {
    return label;
  }

  @Override
  public boolean retryable() {
    return retryable;
  }

  /** The short name of a retried or failing HTTP status: {@code status 503}. */
  public static String status(int status) {
    return new StatusFault(status).label();
  }

  /**
   * Classifies an I/O failure of a request: the engine's own (a forbidden address, the deadline,
   * the size cap, redirects, a malformed body), a {@link BrokenResponseException} of the transport,
   * or the JDK type the transport threw. No transport's own types are known here.
   */
  public static Fault of(IOException e) {
    if (e instanceof ForbiddenAddressException) {
      return FORBIDDEN_ADDRESS;
    }
    if (e instanceof DeadlineExceededException) {
      return DEADLINE;
    }
    if (e instanceof ResponseTooLargeException) {
      return RESPONSE_TOO_LARGE;
    }
    if (e instanceof TooManyRedirectsException) {
      return TOO_MANY_REDIRECTS;
    }
    if (e instanceof MalformedBodyException m) {
      return m.truncated() ? TRUNCATED_BODY : MALFORMED_BODY;
    }
    if (e instanceof BrokenResponseException b) {
      return switch (b.kind()) {
        case EMPTY_RESPONSE -> EMPTY_RESPONSE;
        case MALFORMED_CHUNK -> MALFORMED_CHUNK;
        case TRUNCATED_BODY -> TRUNCATED_BODY;
      };
    }
    if (e instanceof EOFException) {
      return TRUNCATED_BODY;
    }
    if (e instanceof HttpConnectTimeoutException) {
      return CONNECT_TIMEOUT;
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return CONNECTION_REFUSED;
    }
    if (e instanceof SocketTimeoutException
        || e instanceof InterruptedIOException
        || e instanceof HttpTimeoutException) {
      return READ_TIMEOUT;
    }
    if (e instanceof UnknownHostException) {
      return UNKNOWN_HOST;
    }
    if (e instanceof SSLException) {
      return TLS;
    }
    if (e instanceof ProtocolException) {
      return MALFORMED_RESPONSE;
    }
    String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof SocketException
        && (msg.contains("reset") || msg.contains("broken pipe") || msg.contains("abort"))) {
      return CONNECTION_RESET;
    }
    if (e.getCause() instanceof IOException inner && inner != e) {
      Fault f = of(inner);
      if (f != IO) {
        return f;
      }
    }
    return IO;
  }
}
