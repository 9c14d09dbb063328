package dev.pagewalk.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.http.DeadlineExceededException;
import dev.pagewalk.http.ForbiddenAddressException;
import dev.pagewalk.http.MalformedBodyException;
import dev.pagewalk.http.ResponseTooLargeException;
import dev.pagewalk.http.TooManyRedirectsException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class FaultTest {
  @Test
  void namesEveryKnownFailure() {
    assertThat(Fault.of(new SocketException("Connection reset")).label()).isEqualTo("connection-reset");
    assertThat(Fault.of(new NoHttpResponseException("x")).label()).isEqualTo("empty-response");
    assertThat(Fault.of(new MalformedChunkCodingException("x")).label()).isEqualTo("malformed-chunk");
    assertThat(Fault.of(new ConnectionClosedException("Premature end")).label()).isEqualTo("truncated-body");
    assertThat(Fault.of(new MalformedBodyException("truncated JSON", true, null)).label()).isEqualTo("truncated-body");
    assertThat(Fault.of(new SocketTimeoutException("Read timed out")).label()).isEqualTo("read-timeout");
    assertThat(Fault.of(new DeadlineExceededException("x")).label()).isEqualTo("deadline");
    assertThat(Fault.of(new IOException("odd")).label()).isEqualTo("io");
    assertThat(Fault.status(503)).isEqualTo("status 503");
  }

  @Test
  void deterministicFailuresAreNotRetried() {
    assertThat(Fault.of(new ForbiddenAddressException("x")).retryable()).isFalse();
    assertThat(Fault.of(new ResponseTooLargeException("x")).retryable()).isFalse();
    assertThat(Fault.of(new TooManyRedirectsException("x")).retryable()).isFalse();
    assertThat(Fault.of(new MalformedBodyException("JSON nesting depth", false, null)).retryable()).isFalse();
    assertThat(Fault.of(new SocketException("Connection reset")).retryable()).isTrue();
  }
}
