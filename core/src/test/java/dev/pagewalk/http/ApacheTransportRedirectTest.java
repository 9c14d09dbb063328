package dev.pagewalk.http;

import static dev.pagewalk.http.ApacheTransportTest.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApacheTransportRedirectTest {
  static final RequestLimits LIMITS =
      RequestLimits.of(Duration.ofSeconds(5)).withCredentialHeaders(Set.of("X-Api-Key"));

  final LoopbackServer origin = new LoopbackServer();
  final LoopbackServer other = new LoopbackServer();
  final ApacheTransport apache = new ApacheTransport();
  final Exchanger transport = new Exchanger(apache);

  @AfterEach
  void stop() {
    transport.close();
    origin.close();
    other.close();
  }

  static final Headers CREDENTIALS =
      headers(
          "Authorization",
          "Bearer t0k",
          "Cookie",
          "s=1",
          "X-Api-Key",
          "k3y",
          "Accept",
          "application/json");

  @Nested
  class SameOrigin {
    @Test
    void followsRelativeLocationAndKeepsCredentials() throws Exception {
      origin.on("/start", LoopbackServer.redirect(302, "/end"));
      origin.on("/end", LoopbackServer.text(200, "done"));

      HttpResponse response =
          transport.send(new HttpRequest("GET", origin.uri("/start"), CREDENTIALS, null), LIMITS);

      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("done");
      assertThat(response.uri()).isEqualTo(origin.uri("/end"));
      LoopbackServer.Received end = origin.received().get(1);
      assertThat(end.header("Authorization")).isEqualTo("Bearer t0k");
      assertThat(end.header("Cookie")).isEqualTo("s=1");
      assertThat(end.header("X-Api-Key")).isEqualTo("k3y");
    }

    @Test
    void resolvesAQueryOnlyLocationAgainstTheCurrentPath() throws Exception {
      origin.on(
          "/v1/items",
          (exchange, request) -> {
            if (request.pathAndQuery().equals("/v1/items")) {
              exchange.getResponseHeaders().add("Location", "?page=2");
              exchange.sendResponseHeaders(302, -1);
            } else {
              LoopbackServer.send(exchange, 200, new byte[0]);
            }
          });

      HttpResponse response =
          transport.send(new HttpRequest("GET", origin.uri("/v1/items"), null, null), LIMITS);

      assertThat(response.uri()).isEqualTo(origin.uri("/v1/items?page=2"));
    }

    @Test
    void seeOtherTurnsPostIntoGetWithoutBody() throws Exception {
      origin.on("/jobs", LoopbackServer.redirect(303, "/jobs/1"));
      origin.on("/jobs/1", LoopbackServer.text(200, "job"));

      transport.send(
          new HttpRequest(
              "POST",
              origin.uri("/jobs"),
              headers("Content-Type", "application/json"),
              "{}".getBytes(StandardCharsets.UTF_8)),
          LIMITS);

      LoopbackServer.Received followed = origin.received().get(1);
      assertThat(followed.method()).isEqualTo("GET");
      assertThat(followed.body()).isEmpty();
      assertThat(followed.header("Content-Type")).isNull();
    }

    @Test
    void temporaryRedirectKeepsMethodAndBody() throws Exception {
      origin.on("/a", LoopbackServer.redirect(307, "/b"));
      origin.on("/b", LoopbackServer.text(200, "b"));

      transport.send(
          new HttpRequest(
              "PUT", origin.uri("/a"), null, "payload".getBytes(StandardCharsets.UTF_8)),
          LIMITS);

      LoopbackServer.Received followed = origin.received().get(1);
      assertThat(followed.method()).isEqualTo("PUT");
      assertThat(new String(followed.body(), StandardCharsets.UTF_8)).isEqualTo("payload");
    }
  }

  @Nested
  class CrossOrigin {
    @Test
    void stripsAuthorizationCookieAndConfiguredCredentialHeaders() throws Exception {
      origin.on("/start", LoopbackServer.redirect(301, other.uri("/landing").toString()));
      other.on("/landing", LoopbackServer.text(200, "elsewhere"));

      HttpResponse response =
          transport.send(new HttpRequest("GET", origin.uri("/start"), CREDENTIALS, null), LIMITS);

      assertThat(response.uri()).isEqualTo(other.uri("/landing"));
      LoopbackServer.Received landing = other.received().get(0);
      assertThat(landing.header("Authorization")).isNull();
      assertThat(landing.header("Cookie")).isNull();
      assertThat(landing.header("X-Api-Key")).isNull();
      assertThat(landing.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void doesNotRestoreCredentialsWhenComingBackToTheOrigin() throws Exception {
      origin.on("/start", LoopbackServer.redirect(302, other.uri("/bounce").toString()));
      other.on("/bounce", LoopbackServer.redirect(302, origin.uri("/back").toString()));
      origin.on("/back", LoopbackServer.text(200, "back"));

      transport.send(new HttpRequest("GET", origin.uri("/start"), CREDENTIALS, null), LIMITS);

      assertThat(origin.received().get(1).header("Authorization")).isNull();
    }
  }

  @Nested
  class Bounds {
    @Test
    void failsOnARedirectLoopNamingTheChain() {
      origin.on("/a", LoopbackServer.redirect(302, "/b"));
      origin.on("/b", LoopbackServer.redirect(302, "/a?token=secret"));
      origin.on("/a?token=secret", LoopbackServer.redirect(302, "/b"));

      assertThatThrownBy(
              () -> transport.send(new HttpRequest("GET", origin.uri("/a"), null, null), LIMITS))
          .isInstanceOf(TooManyRedirectsException.class)
          .hasMessage(
              "redirect loop: GET "
                  + origin.uri("/a")
                  + " -> "
                  + origin.uri("/b")
                  + " -> "
                  + origin.uri("/a?token=***")
                  + " -> "
                  + origin.uri("/b"));
    }

    @Test
    void failsAfterMaxRedirectsHops() {
      origin.on(
          "/hop",
          (exchange, request) -> {
            int n = Integer.parseInt(request.pathAndQuery().substring("/hop".length()));
            exchange.getResponseHeaders().add("Location", "/hop" + (n + 1));
            exchange.sendResponseHeaders(302, -1);
          });

      assertThatThrownBy(
              () ->
                  transport.send(
                      new HttpRequest("GET", origin.uri("/hop0"), null, null),
                      new RequestLimits(Duration.ofSeconds(5), 1024, 2)))
          .isInstanceOf(TooManyRedirectsException.class)
          .hasMessage(
              "too many redirects (limit 2): GET "
                  + origin.uri("/hop0")
                  + " -> "
                  + origin.uri("/hop1")
                  + " -> "
                  + origin.uri("/hop2")
                  + " -> "
                  + origin.uri("/hop3"));
      assertThat(origin.received()).hasSize(3);
    }

    @Test
    void returnsARedirectWithoutLocationAsIs() throws Exception {
      origin.on("/odd", (exchange, request) -> exchange.sendResponseHeaders(302, -1));

      HttpResponse response =
          transport.send(new HttpRequest("GET", origin.uri("/odd"), null, null), LIMITS);

      assertThat(response.status()).isEqualTo(302);
    }
  }
}
