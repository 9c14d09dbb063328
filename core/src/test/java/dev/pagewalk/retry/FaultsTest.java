package dev.pagewalk.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.http.DeadlineExceededException;
import dev.pagewalk.http.ForbiddenAddressException;
import dev.pagewalk.http.MalformedBodyException;
import dev.pagewalk.http.ResponseTooLargeException;
import dev.pagewalk.http.TooManyRedirectsException;
import dev.pagewalk.spi.BrokenResponseException;
import dev.pagewalk.spi.BrokenResponseException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FaultsTest {
  @Test
  void namesEveryKnownFailure() {
    assertThat(Faults.of(new SocketException("Connection reset")).label())
        .isEqualTo("connection-reset");
    assertThat(Faults.of(broken(Kind.EMPTY_RESPONSE)).label()).isEqualTo("empty-response");
    assertThat(Faults.of(broken(Kind.MALFORMED_CHUNK)).label()).isEqualTo("malformed-chunk");
    assertThat(Faults.of(broken(Kind.TRUNCATED_BODY)).label()).isEqualTo("truncated-body");
    assertThat(Faults.of(new MalformedBodyException("truncated JSON", true, null)).label())
        .isEqualTo("truncated-body");
    assertThat(Faults.of(new SocketTimeoutException("Read timed out")).label())
        .isEqualTo("read-timeout");
    assertThat(Faults.of(new DeadlineExceededException("x")).label()).isEqualTo("deadline");
    assertThat(Faults.of(new IOException("odd")).label()).isEqualTo("io");
    assertThat(new StatusFault(503).label()).isEqualTo("status 503");
  }

  @Test
  void namesTheJdkTypesAnyTransportThrows() {
    assertThat(Faults.of(new ConnectException("Connection refused")).label())
        .isEqualTo("connection-refused");
    assertThat(Faults.of(new NoRouteToHostException("x")).label()).isEqualTo("connection-refused");
    assertThat(Faults.of(new HttpConnectTimeoutException("x")).label())
        .isEqualTo("connect-timeout");
    assertThat(Faults.of(new HttpTimeoutException("x")).label()).isEqualTo("read-timeout");
    assertThat(Faults.of(new EOFException("x")).label()).isEqualTo("truncated-body");
    assertThat(Faults.of(new UnknownHostException("x")).label()).isEqualTo("unknown-host");
    assertThat(Faults.of(new SSLHandshakeException("x")).label()).isEqualTo("tls");
    assertThat(Faults.of(new ProtocolException("x")).label()).isEqualTo("malformed-response");
    assertThat(
            Faults.of(new IOException("wrapped", new SocketException("Connection reset"))).label())
        .isEqualTo("connection-reset");
  }

  private static BrokenResponseException broken(Kind kind) {
    return new BrokenResponseException(kind, "x");
  }

  @Test
  void deterministicFailuresAreNotRetried() {
    assertThat(Faults.of(new ForbiddenAddressException("x")).retryable()).isFalse();
    assertThat(Faults.of(new ResponseTooLargeException("x")).retryable()).isFalse();
    assertThat(Faults.of(new TooManyRedirectsException("x")).retryable()).isFalse();
    assertThat(Faults.of(new MalformedBodyException("JSON nesting depth", false, null)).retryable())
        .isFalse();
    assertThat(Faults.of(new SocketException("Connection reset")).retryable()).isTrue();
  }
}
