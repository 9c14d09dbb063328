package dev.pagewalk.retry;

import static org.assertj.core.api.Assertions.assertThat;

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

class FaultTest {
  @Test
  void namesEveryKnownFailure() {
    assertThat(Fault.of(new SocketException("Connection reset")).label())
        .isEqualTo("connection-reset");
    assertThat(Fault.of(broken(Kind.EMPTY_RESPONSE)).label()).isEqualTo("empty-response");
    assertThat(Fault.of(broken(Kind.MALFORMED_CHUNK)).label()).isEqualTo("malformed-chunk");
    assertThat(Fault.of(broken(Kind.TRUNCATED_BODY)).label()).isEqualTo("truncated-body");
    assertThat(Fault.of(new MalformedBodyException("truncated JSON", true, null)).label())
        .isEqualTo("truncated-body");
    assertThat(Fault.of(new SocketTimeoutException("Read timed out")).label())
        .isEqualTo("read-timeout");
    assertThat(Fault.of(new DeadlineExceededException("x")).label()).isEqualTo("deadline");
    assertThat(Fault.of(new IOException("odd")).label()).isEqualTo("io");
    assertThat(Fault.status(503)).isEqualTo("status 503");
  }

  @Test
  void namesTheJdkTypesAnyTransportThrows() {
    assertThat(Fault.of(new ConnectException("Connection refused")).label())
        .isEqualTo("connection-refused");
    assertThat(Fault.of(new NoRouteToHostException("x")).label()).isEqualTo("connection-refused");
    assertThat(Fault.of(new HttpConnectTimeoutException("x")).label()).isEqualTo("connect-timeout");
    assertThat(Fault.of(new HttpTimeoutException("x")).label()).isEqualTo("read-timeout");
    assertThat(Fault.of(new EOFException("x")).label()).isEqualTo("truncated-body");
    assertThat(Fault.of(new UnknownHostException("x")).label()).isEqualTo("unknown-host");
    assertThat(Fault.of(new SSLHandshakeException("x")).label()).isEqualTo("tls");
    assertThat(Fault.of(new ProtocolException("x")).label()).isEqualTo("malformed-response");
    assertThat(
            Fault.of(new IOException("wrapped", new SocketException("Connection reset"))).label())
        .isEqualTo("connection-reset");
  }

  private static BrokenResponseException broken(Kind kind) {
    return new BrokenResponseException(kind, "x");
  }

  @Test
  void deterministicFailuresAreNotRetried() {
    assertThat(Fault.of(new ForbiddenAddressException("x")).retryable()).isFalse();
    assertThat(Fault.of(new ResponseTooLargeException("x")).retryable()).isFalse();
    assertThat(Fault.of(new TooManyRedirectsException("x")).retryable()).isFalse();
    assertThat(Fault.of(new MalformedBodyException("JSON nesting depth", false, null)).retryable())
        .isFalse();
    assertThat(Fault.of(new SocketException("Connection reset")).retryable()).isTrue();
  }
}
