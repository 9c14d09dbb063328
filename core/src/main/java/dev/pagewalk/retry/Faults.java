package dev.pagewalk.retry;

import dev.pagewalk.RunStats.Fault;
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
 * Classifies an I/O failure of one attempt as a {@link Fault}: the {@code cause} of a {@code
 * RetryEvent}, a key of the run's {@code faults} counter, and the start of the failure message.
 */
public final class Faults {
  private Faults() {}

  /**
   * Classifies an I/O failure of a request: the engine's own (a forbidden address, the deadline,
   * the size cap, redirects, a malformed body), a {@link BrokenResponseException} of the transport,
   * or the JDK type the transport threw. No transport's own types are known here.
   */
  public static Fault of(IOException e) {
    if (e instanceof ForbiddenAddressException) {
      return Fault.FORBIDDEN_ADDRESS;
    }
    if (e instanceof DeadlineExceededException) {
      return Fault.DEADLINE;
    }
    if (e instanceof ResponseTooLargeException) {
      return Fault.RESPONSE_TOO_LARGE;
    }
    if (e instanceof TooManyRedirectsException) {
      return Fault.TOO_MANY_REDIRECTS;
    }
    if (e instanceof MalformedBodyException m) {
      return m.truncated() ? Fault.TRUNCATED_BODY : Fault.MALFORMED_BODY;
    }
    if (e instanceof BrokenResponseException b) {
      return switch (b.kind()) {
        case EMPTY_RESPONSE -> Fault.EMPTY_RESPONSE;
        case MALFORMED_CHUNK -> Fault.MALFORMED_CHUNK;
        case TRUNCATED_BODY -> Fault.TRUNCATED_BODY;
      };
    }
    if (e instanceof EOFException) {
      return Fault.TRUNCATED_BODY;
    }
    if (e instanceof HttpConnectTimeoutException) {
      return Fault.CONNECT_TIMEOUT;
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return Fault.CONNECTION_REFUSED;
    }
    if (e instanceof SocketTimeoutException
        || e instanceof InterruptedIOException
        || e instanceof HttpTimeoutException) {
      return Fault.READ_TIMEOUT;
    }
    if (e instanceof UnknownHostException) {
      return Fault.UNKNOWN_HOST;
    }
    if (e instanceof SSLException) {
      return Fault.TLS;
    }
    if (e instanceof ProtocolException) {
      return Fault.MALFORMED_RESPONSE;
    }
    String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof SocketException
        && (msg.contains("reset") || msg.contains("broken pipe") || msg.contains("abort"))) {
      return Fault.CONNECTION_RESET;
    }
    if (e.getCause() instanceof IOException inner && inner != e) {
      Fault f = of(inner);
      if (f != Fault.IO) {
        return f;
      }
    }
    return Fault.IO;
  }
}
