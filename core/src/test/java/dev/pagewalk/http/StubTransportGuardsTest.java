package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The guards hold whatever the transport: each test plugs in a transport that does nothing but
 * record the requests it is asked to send and answer what the test scripts — it ignores the network
 * policy, registers no abort, follows nothing — and shows the engine still refusing a private
 * address (first hop, redirect, next page), stripping credentials across origins, and bounding a
 * body that never ends, a redirect chain that never ends and the time it all takes.
 */
class StubTransportGuardsTest {
  static final NetworkPolicy DENY_PRIVATE = new NetworkPolicy(List.of(), true);
  static final String PUBLIC = "http://93.184.216.34";

  /** Records every request; answers with {@code script}. Ignores the {@link Transport.Exchange}. */
  static final class Stub implements Transport {
    interface Script {
      Response answer(HttpRequest request, int index) throws IOException;
    }

    final List<HttpRequest> sent = new ArrayList<>();
    final Script script;

    Stub(Script script) {
      this.script = script;
    }

    @Override
    public synchronized Response send(HttpRequest request, Exchange exchange) throws IOException {
      sent.add(request);
      return script.answer(request, sent.size() - 1);
    }

    synchronized List<String> uris() {
      return sent.stream().map(r -> r.uri().toString()).toList();
    }
  }

  static Transport.Response redirect(int status, String location) {
    return Transport.Response.of(
        status, "", Headers.of(List.of(Map.entry("Location", location))), new byte[0]);
  }

  static Transport.Response ok(String body) {
    return Transport.Response.of(
        200,
        "OK",
        Headers.of(List.of(Map.entry("Content-Type", "application/json"))),
        body.getBytes(StandardCharsets.UTF_8));
  }

  static HttpRequest get(String uri) {
    return new HttpRequest("GET", URI.create(uri), null, null);
  }

  final List<Exchanger> exchangers = new ArrayList<>();

  Exchanger over(Transport transport) {
    Exchanger e = new Exchanger(transport);
    exchangers.add(e);
    return e;
  }

  @AfterEach
  void stop() {
    exchangers.forEach(Exchanger::close);
  }

  @Nested
  class PrivateAddresses {
    final RequestLimits limits = RequestLimits.of(Duration.ofSeconds(5)).withNetwork(DENY_PRIVATE);

    @Test
    void aPrivateFirstHopIsNeverHandedToTheTransport() {
      Stub stub = new Stub((r, i) -> ok("{}"));

      assertThatThrownBy(() -> over(stub).send(get("http://10.1.2.3/items"), limits))
          .isInstanceOf(ForbiddenAddressException.class)
          .hasMessage(
              "host 10.1.2.3 resolves to a private address 10.1.2.3, refused by network.denyPrivateAddresses");
      assertThat(stub.sent).isEmpty();
    }

    @Test
    void aRedirectToLoopbackIsRefusedBeforeTheSecondHop() {
      Stub stub = new Stub((r, i) -> redirect(302, "http://127.0.0.1:8080/admin"));

      assertThatThrownBy(() -> over(stub).send(get(PUBLIC + "/items"), limits))
          .isInstanceOf(ForbiddenAddressException.class)
          .hasMessage(
              "host 127.0.0.1 resolves to a loopback address 127.0.0.1, refused by network.denyPrivateAddresses");
      assertThat(stub.uris()).containsExactly(PUBLIC + "/items");
    }

    @Test
    void aRedirectToANameThatResolvesToLoopbackIsRefused() {
      Stub stub = new Stub((r, i) -> redirect(307, "http://localhost/admin"));

      assertThatThrownBy(() -> over(stub).send(get(PUBLIC + "/items"), limits))
          .isInstanceOf(ForbiddenAddressException.class)
          .hasMessageStartingWith("host localhost resolves to a loopback address ");
      assertThat(stub.uris()).containsExactly(PUBLIC + "/items");
    }

    @Test
    void aRedirectToTheCloudMetadataAddressInNat64FormIsRefused() {
      Stub stub =
          new Stub((r, i) -> redirect(302, "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/"));

      assertThatThrownBy(() -> over(stub).send(get(PUBLIC + "/items"), limits))
          .isInstanceOf(ForbiddenAddressException.class)
          .hasMessageContaining("a link-local (IPv4 169.254.169.254 in NAT64)");
      assertThat(stub.sent).hasSize(1);
    }

    @Test
    void aHostOutsideAllowHostsIsRefusedOnARedirect() {
      Stub stub = new Stub((r, i) -> redirect(302, "http://evil.example/x"));
      RequestLimits allowOne =
          limits.withNetwork(new NetworkPolicy(List.of("93.184.216.34"), false));

      assertThatThrownBy(() -> over(stub).send(get(PUBLIC + "/items"), allowOne))
          .isInstanceOf(ForbiddenAddressException.class)
          .hasMessage("host evil.example is not in network.allowHosts [93.184.216.34]");
      assertThat(stub.sent).hasSize(1);
    }

    @Test
    void aNextPageUrlToAPrivateAddressStopsTheRunBeforeItIsSent() {
      Stub stub =
          new Stub(
              (r, i) ->
                  ok("{\"data\":[{\"id\":1}],\"next\":\"http://192.168.0.10/items?page=2\"}"));
      String spec =
          """
          pagewalk: 1
          name: guarded
          baseUrl: http://93.184.216.34
          network: {denyPrivateAddresses: true}
          request:
            url: /items
            response:
              iterate: "{{body.data}}"
            pagination:
              url: "{{body.next}}"
              condition: "{{body.next}}"
          """;

      RunResult r;
      try (Runner runner = Runner.builder().transport(stub).sleeper(d -> {}).build()) {
        r = runner.run(Pagewalk.parse("guarded.yaml", spec), RunInput.empty(), record -> {});
      }

      assertThat(r.succeeded()).isFalse();
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "guarded: GET http://192.168.0.10/items?page=2 failed"
                  + " (forbidden-address): ForbiddenAddressException: host 192.168.0.10 resolves to a private"
                  + " address 192.168.0.10, refused by network.denyPrivateAddresses");
      assertThat(stub.uris()).containsExactly(PUBLIC + "/items");
    }
  }

  @Nested
  class Credentials {
    @Test
    void aRedirectToAnotherOriginCarriesNoCredentialHeadersQueryOrBody() throws Exception {
      Stub stub =
          new Stub(
              (r, i) ->
                  i == 0 ? redirect(307, "http://other.example/in?key=s3cr3t&page=2") : ok("{}"));
      HttpRequest post =
          new HttpRequest(
              "POST",
              URI.create(PUBLIC + "/items?key=s3cr3t&page=2"),
              Headers.of(
                  List.of(
                      Map.entry("Authorization", "Bearer s3cr3t"),
                      Map.entry("Cookie", "sid=s3cr3t"),
                      Map.entry("X-Api-Key", "s3cr3t"),
                      Map.entry("Content-Type", "application/json"),
                      Map.entry("Accept", "application/json"))),
              "{\"secret\":\"s3cr3t\"}".getBytes(StandardCharsets.UTF_8));
      RequestLimits limits =
          RequestLimits.of(Duration.ofSeconds(5))
              .withCredentialHeaders(Set.of("X-Api-Key"))
              .withCredentialQuery(Set.of("key"));

      over(stub).send(post, limits);

      HttpRequest second = stub.sent.get(1);
      assertThat(second.method()).isEqualTo("POST");
      assertThat(second.uri()).hasToString("http://other.example/in?page=2");
      assertThat(second.body()).isNull();
      assertThat(second.headers().fields())
          .extracting(Map.Entry::getKey)
          .containsExactly("Accept", "Accept-Encoding");
    }
  }

  @Nested
  class Bounds {
    @Test
    void aBodyThatNeverEndsIsCutAtTheCap() {
      Stub stub = new Stub((r, i) -> Transport.Response.of(200, "", Headers.empty(), endless(0)));

      assertThatThrownBy(
              () ->
                  over(stub)
                      .send(
                          get(PUBLIC + "/"),
                          RequestLimits.of(Duration.ofSeconds(5)).withMaxBodyBytes(1 << 20)))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage("response body exceeds 1048576 bytes");
    }

    @Test
    void aGzipBodyIsCappedOnItsDecodedSize() throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write(new byte[4 << 20]);
      }
      Stub stub =
          new Stub(
              (r, i) ->
                  Transport.Response.of(
                      200,
                      "",
                      Headers.of(List.of(Map.entry("Content-Encoding", "gzip"))),
                      bytes.toByteArray()));

      assertThatThrownBy(
              () ->
                  over(stub)
                      .send(
                          get(PUBLIC + "/"),
                          RequestLimits.of(Duration.ofSeconds(5)).withMaxBodyBytes(1 << 20)))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage("response body exceeds 1048576 bytes");
      assertThat(stub.sent.get(0).headers().first("Accept-Encoding"))
          .contains("gzip, x-gzip, deflate");
    }

    @Test
    void aBodyDribbledForeverStopsAtTheDeadline() {
      Stub stub = new Stub((r, i) -> Transport.Response.of(200, "", Headers.empty(), endless(20)));
      long start = System.nanoTime();

      assertThatThrownBy(
              () -> over(stub).send(get(PUBLIC + "/"), RequestLimits.of(Duration.ofMillis(300))))
          .isInstanceOf(DeadlineExceededException.class)
          .hasMessageMatching("deadline of 300ms exceeded after \\d+ bytes");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aTransportThatBlocksIsAbortedAtTheDeadlineWhenItRegistersHow() {
      CountDownLatch aborted = new CountDownLatch(1);
      Transport blocking =
          (request, exchange) -> {
            exchange.onAbort(aborted::countDown);
            try {
              if (!aborted.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never aborted");
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new java.net.SocketException("Socket closed");
          };
      long start = System.nanoTime();

      assertThatThrownBy(
              () ->
                  over(blocking).send(get(PUBLIC + "/"), RequestLimits.of(Duration.ofMillis(300))))
          .isInstanceOf(DeadlineExceededException.class)
          .hasMessage("deadline of 300ms exceeded after 0 bytes");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRedirectChainThatNeverEndsStopsAtTheLimit() {
      Stub stub = new Stub((r, i) -> redirect(302, "/hop" + (i + 1)));

      assertThatThrownBy(
              () ->
                  over(stub)
                      .send(
                          get(PUBLIC + "/hop0"), new RequestLimits(Duration.ofSeconds(5), 1024, 3)))
          .isInstanceOf(TooManyRedirectsException.class)
          .hasMessage(
              "too many redirects (limit 3): GET "
                  + PUBLIC
                  + "/hop0 -> "
                  + PUBLIC
                  + "/hop1 -> "
                  + PUBLIC
                  + "/hop2 -> "
                  + PUBLIC
                  + "/hop3 -> "
                  + PUBLIC
                  + "/hop4");
      assertThat(stub.sent).hasSize(4);
    }

    @Test
    void aRedirectLoopIsNamed() {
      Stub stub = new Stub((r, i) -> redirect(302, i % 2 == 0 ? "/b" : "/a"));

      assertThatThrownBy(
              () -> over(stub).send(get(PUBLIC + "/a"), RequestLimits.of(Duration.ofSeconds(5))))
          .isInstanceOf(TooManyRedirectsException.class)
          .hasMessage(
              "redirect loop: GET " + PUBLIC + "/a -> " + PUBLIC + "/b -> " + PUBLIC + "/a");
      assertThat(stub.sent).hasSize(2);
    }

    @Test
    void aRunOverAStubThatDribblesStopsWithTimeout() {
      Stub stub = new Stub((r, i) -> Transport.Response.of(200, "", Headers.empty(), endless(20)));
      String spec =
          """
          pagewalk: 1
          name: slow
          baseUrl: http://93.184.216.34
          limits: {timeout: 300ms}
          retry: {maxAttempts: 1}
          request:
            url: /items
            response:
              iterate: "{{body.data}}"
          """;

      RunResult r;
      try (Runner runner = Runner.builder().transport(stub).sleeper(d -> {}).build()) {
        r = runner.run(Pagewalk.parse("slow.yaml", spec), RunInput.empty(), record -> {});
      }

      assertThat(r.stopReason()).isEqualTo(StopReason.TIMEOUT);
      assertThat(r.failure())
          .hasMessageMatching(
              "slow: GET http://93.184.216.34/items: deadline of 300ms exceeded after \\d+ bytes");
    }
  }

  /** A body that never ends: one byte per read, {@code pauseMillis} apart. */
  static InputStream endless(long pauseMillis) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        pause();
        return ' ';
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        pause();
        if (pauseMillis > 0) {
          b[off] = ' ';
          return 1;
        }
        java.util.Arrays.fill(b, off, off + len, (byte) ' ');
        return len;
      }

      private void pause() throws IOException {
        if (pauseMillis > 0) {
          try {
            Thread.sleep(pauseMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
          }
        }
      }
    };
  }
}
