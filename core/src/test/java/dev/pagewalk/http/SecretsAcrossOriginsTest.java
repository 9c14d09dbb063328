package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.spi.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A connection secret in a request body, or credentials in a redirect's Location, never reach
 * another origin: a spec walking over real HTTP between two loopback servers (two ports, two
 * origins), the way the red team's attacks did.
 */
class SecretsAcrossOriginsTest {
  static final String SECRET = "cs-live-5ecret";

  final LoopbackServer home = new LoopbackServer();
  final LoopbackServer other = new LoopbackServer();

  @AfterEach
  void stop() {
    home.close();
    other.close();
  }

  static String spec(String pagination) {
    return """
        pagewalk: 1
        name: bodies
        connection:
          client_secret: {type: string, secret: true}
        request:
          url: /items
          method: POST
          type: json
          body: {client_secret: "{{connection.client_secret}}", size: 1}
          response:
            iterate: "{{body.data}}"
        """
        + pagination.indent(2);
  }

  RunResult run(String spec) {
    try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      return runner.run(
          Pagewalk.parse("bodies.yaml", spec),
          RunInput.empty()
              .withBaseUrl(home.uri("").toString())
              .withConnection(Map.of("client_secret", SECRET)),
          record -> {});
    }
  }

  static LoopbackServer.Responder page(String next) {
    return LoopbackServer.text(
        200,
        "{\"data\":[{\"id\":1}],\"next\":" + (next == null ? "null" : "\"" + next + "\"") + "}");
  }

  static String body(LoopbackServer.Received r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Nested
  class NextPage {
    static final String BY_BODY =
        """
        pagination:
            url: "{{body.next}}"
            condition: "{{body.next}}"
        """;

    @Test
    void aNextUrlToAnotherOriginDropsTheInheritedBodyAndSaysSo() {
      home.on("/items", page(other.uri("/items?page=2").toString()));
      other.on("/items", page(null));

      RunResult r = run(spec(BY_BODY));

      assertThat(r.succeeded()).isTrue();
      assertThat(body(home.received().get(0))).contains(SECRET);
      LoopbackServer.Received second = other.received().get(0);
      assertThat(second.method()).isEqualTo("POST");
      assertThat(second.body()).isEmpty();
      assertThat(second.header("Content-Type")).isNull();
      assertThat(r.stats().credentialsStripped()).isEqualTo(1);
    }

    @Test
    void aLinkHeaderToAnotherOriginDropsTheInheritedBody() {
      home.on(
          "/items",
          (exchange, request) -> {
            exchange
                .getResponseHeaders()
                .add("Link", "<" + other.uri("/items?page=2") + ">; rel=\"next\"");
            LoopbackServer.send(
                exchange, 200, "{\"data\":[{\"id\":1}]}".getBytes(StandardCharsets.UTF_8));
          });
      other.on("/items", page(null));

      RunResult r =
          run(
              spec(
                  """
          pagination:
              url: "{{links.next}}"
              condition: "{{links.next}}"
          """));

      assertThat(r.succeeded()).isTrue();
      assertThat(other.received().get(0).body()).isEmpty();
      assertThat(r.stats().credentialsStripped()).isEqualTo(1);
    }

    @Test
    void aNextUrlOnTheSameOriginKeepsTheBody() {
      home.on(
          "/items",
          (exchange, request) -> {
            String next =
                request.pathAndQuery().contains("page=2")
                    ? null
                    : home.uri("/items?page=2").toString();
            page(next).respond(exchange, request);
          });

      RunResult r = run(spec(BY_BODY));

      assertThat(r.succeeded()).isTrue();
      assertThat(body(home.received().get(1))).contains(SECRET);
      assertThat(r.stats().credentialsStripped()).isZero();
    }

    @Test
    void aPaginationBodyWithASecretIsRefusedForAnotherOrigin() {
      home.on("/items", page(other.uri("/items?page=2").toString()));
      other.on("/items", page(null));

      RunResult r =
          run(
              spec(
                  """
          pagination:
              url: "{{body.next}}"
              body: {token: "{{base64(connection.client_secret)}}", page: 2}
              condition: "{{body.next}}"
          """));

      assertThat(r.succeeded()).isFalse();
      assertThat(r.failure().code()).isEqualTo(ErrorCode.CREDENTIAL_LEAK);
      assertThat(r.failure())
          .hasMessage(
              "bodies: pagination.body depends on a connection value and the"
                  + " next page "
                  + other.uri("/items?page=2")
                  + " is on another origin than "
                  + home.uri("")
                  + "; refused to send it there");
      assertThat(other.received()).isEmpty();
    }

    @Test
    void aPaginationBodyWithoutSecretsIsSentToAnotherOrigin() {
      home.on("/items", page(other.uri("/items?page=2").toString()));
      other.on("/items", page(null));

      RunResult r =
          run(
              spec(
                  """
          pagination:
              url: "{{body.next}}"
              body: {page: 2}
              condition: "{{body.next}}"
          """));

      assertThat(r.succeeded()).isTrue();
      assertThat(body(other.received().get(0))).isEqualTo("{\"page\":2}");
    }
  }

  @Nested
  class Redirect {
    final ApacheTransport apache = new ApacheTransport();
    final Exchanger exchanger = new Exchanger(apache);
    final RequestLimits limits = RequestLimits.of(Duration.ofSeconds(5));

    @AfterEach
    void close() {
      exchanger.close();
      apache.close();
    }

    HttpRequest post(String path) {
      return new HttpRequest(
          "POST",
          home.uri(path),
          ApacheTransportTest.headers("Content-Type", "application/json"),
          ("{\"client_secret\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTemporaryRedirectToAnotherOriginKeepsTheMethodButNotTheBody() throws Exception {
      home.on("/items", LoopbackServer.redirect(307, other.uri("/landing").toString()));
      other.on("/landing", LoopbackServer.text(200, "{}"));

      exchanger.send(post("/items"), limits);

      LoopbackServer.Received landing = other.received().get(0);
      assertThat(landing.method()).isEqualTo("POST");
      assertThat(landing.body()).isEmpty();
      assertThat(landing.header("Content-Type")).isNull();
    }

    @Test
    void aPermanentRedirectToAnotherOriginDropsTheBodyInARun() {
      home.on("/items", LoopbackServer.redirect(308, other.uri("/items").toString()));
      other.on("/items", page(null));

      RunResult r = run(spec(""));

      assertThat(r.succeeded()).isTrue();
      assertThat(other.received().get(0).method()).isEqualTo("POST");
      assertThat(other.received().get(0).body()).isEmpty();
    }

    @Test
    void aSecretQueryValueCopiedIntoTheLocationIsDropped() throws Exception {
      home.on(
          "/items",
          LoopbackServer.redirect(
              307, other.uri("/landing?api_key=" + SECRET + "&size=1").toString()));
      other.on("/landing", LoopbackServer.text(200, "{}"));

      exchanger.send(
          new HttpRequest("GET", home.uri("/items?api_key=" + SECRET + "&size=1"), null, null),
          limits.withCredentialQuery(java.util.Set.of("api_key")));

      assertThat(other.received().get(0).pathAndQuery()).isEqualTo("/landing?size=1");
    }

    @Test
    void aLocationWithCredentialsIsRefusedWithoutEchoingThem() {
      home.on(
          "/items",
          LoopbackServer.redirect(
              302, "http://admin:hunter2@127.0.0.1:" + other.uri("/").getPort() + "/landing"));
      other.on("/landing", LoopbackServer.text(200, "{}"));

      assertThatThrownBy(
              () -> exchanger.send(new HttpRequest("GET", home.uri("/items"), null, null), limits))
          .isInstanceOf(ForbiddenAddressException.class)
          .hasMessage(
              "redirect to http://127.0.0.1:"
                  + other.uri("/").getPort()
                  + " refused: its Location carries credentials (user-info)");
      assertThat(other.received()).isEmpty();
    }

    @Test
    void aLocationWithCredentialsFailsARunOnceWithoutRetrying() {
      home.on(
          "/items",
          LoopbackServer.redirect(
              302, "http://admin:hunter2@127.0.0.1:" + other.uri("/").getPort() + "/items"));

      RunResult r = run(spec(""));

      assertThat(r.succeeded()).isFalse();
      assertThat(r.stats().requests()).isEqualTo(1);
      assertThat(r.stats().retries()).isZero();
      assertThat(r.failure().getMessage())
          .contains("(forbidden-address)")
          .doesNotContain("hunter2");
      assertThat(other.received()).isEmpty();
    }
  }
}
