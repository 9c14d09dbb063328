package dev.pagewalk.conformance.livedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.VirtualTime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The live-data mock's OAuth2 token endpoint and bearer check, over real HTTP on loopback. */
class OAuthTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String BASIC_APP_S3CRET =
      "Basic " + Base64.getEncoder().encodeToString("app:s3cret".getBytes(StandardCharsets.UTF_8));

  private final VirtualTime time = new VirtualTime();
  private LiveDataServer server;

  record Reply(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private LiveDataServer start(OAuthConfig oauth) {
    server =
        LiveDataServer.start(
            LiveDataConfig.builder().size(5).pageSize(5).oauth(oauth).build(), time::millis);
    return server;
  }

  private LiveDataServer start() {
    return start(OAuthConfig.of("app", "s3cret", "rt-0").withTokenLifetimeSeconds(600));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Reply token(String authorization, String form) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b.build());
  }

  private Reply items(String accessToken) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/items"));
    if (accessToken != null) {
      b.header("Authorization", "Bearer " + accessToken);
    }
    return send(b.build());
  }

  private static Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> raw = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(raw.statusCode(), raw, JSON.readTree(raw.body()));
  }

  private static Map<String, Object> map(JsonNode node) {
    return JSON.convertValue(node, new com.fasterxml.jackson.core.type.TypeReference<>() {});
  }

  @Nested
  class ClientCredentials {
    @Test
    void basicClientAuthGetsAnAccessTokenWithoutARefreshToken() throws Exception {
      start();

      Reply reply = token(BASIC_APP_S3CRET, "grant_type=client_credentials&scope=read");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(map(reply.json()))
          .isEqualTo(
              Map.of(
                  "access_token",
                  "access-1",
                  "token_type",
                  "Bearer",
                  "expires_in",
                  600,
                  "scope",
                  "read"));
      assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
      assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(1, 0, 0));
    }

    @Test
    void bodyClientAuthWorksToo() throws Exception {
      start();

      Reply reply = token(null, "grant_type=client_credentials&client_id=app&client_secret=s3cret");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("access_token").asText()).isEqualTo("access-1");
    }

    @Test
    void basicCredentialsAreFormEncodedBeforeBase64() throws Exception {
      start(OAuthConfig.of("app:1", "s3 cret+/", null));
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("app%3A1:s3+cret%2B%2F".getBytes(StandardCharsets.UTF_8));

      assertThat(token(basic, "grant_type=client_credentials").status()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsInvalidClientWith401AndABasicChallenge() throws Exception {
      start();
      String wrong =
          "Basic "
              + Base64.getEncoder().encodeToString("app:nope".getBytes(StandardCharsets.UTF_8));

      Reply reply = token(wrong, "grant_type=client_credentials");

      assertThat(reply.status()).isEqualTo(401);
      assertThat(map(reply.json()))
          .isEqualTo(
              Map.of(
                  "error",
                  "invalid_client",
                  "error_description",
                  "unknown client or wrong secret"));
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Basic realm=\"live-data\"");
      assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(0, 0, 1));
    }

    @Test
    void authenticatingTwiceIsInvalidRequest() throws Exception {
      start();

      Reply reply =
          token(
              BASIC_APP_S3CRET, "grant_type=client_credentials&client_id=app&client_secret=s3cret");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(map(reply.json()))
          .isEqualTo(
              Map.of(
                  "error",
                  "invalid_request",
                  "error_description",
                  "the client authenticated twice (Basic and in the body)"));
    }

    @Test
    void anUnknownGrantIsUnsupported() throws Exception {
      start();

      Reply reply = token(BASIC_APP_S3CRET, "grant_type=password&username=u&password=p");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }
  }

  @Nested
  class RotatingRefreshTokens {
    @Test
    void eachRefreshAnswersANewRefreshTokenAndTheOldOneIsThenInvalidGrant() throws Exception {
      start();

      Reply first = token(BASIC_APP_S3CRET, "grant_type=refresh_token&refresh_token=rt-0");
      assertThat(map(first.json()))
          .isEqualTo(
              Map.of(
                  "access_token",
                  "access-1",
                  "token_type",
                  "Bearer",
                  "expires_in",
                  600,
                  "refresh_token",
                  "refresh-1"));

      Reply reused = token(BASIC_APP_S3CRET, "grant_type=refresh_token&refresh_token=rt-0");
      assertThat(reused.status()).isEqualTo(400);
      assertThat(map(reused.json()))
          .isEqualTo(
              Map.of(
                  "error",
                  "invalid_grant",
                  "error_description",
                  "the refresh token is invalid, expired, revoked or used"));

      Reply second = token(BASIC_APP_S3CRET, "grant_type=refresh_token&refresh_token=refresh-1");
      assertThat(second.json().get("refresh_token").asText()).isEqualTo("refresh-2");
      assertThat(second.json().get("access_token").asText()).isEqualTo("access-2");
      assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(0, 2, 1));
      assertThat(server.tokenCounts().total()).isEqualTo(3);
    }

    @Test
    void withoutRotationTheAnswerHasNoRefreshTokenAndTheOldOneStaysGood() throws Exception {
      start(OAuthConfig.of("app", "s3cret", "rt-0").withRotateRefreshTokens(false));

      Reply first = token(BASIC_APP_S3CRET, "grant_type=refresh_token&refresh_token=rt-0");
      Reply again = token(BASIC_APP_S3CRET, "grant_type=refresh_token&refresh_token=rt-0");

      assertThat(first.json().has("refresh_token")).isFalse();
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json().get("access_token").asText()).isEqualTo("access-2");
    }

    @Test
    void aMissingRefreshTokenIsInvalidRequest() throws Exception {
      start();

      Reply reply = token(BASIC_APP_S3CRET, "grant_type=refresh_token");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(map(reply.json()))
          .isEqualTo(
              Map.of("error", "invalid_request", "error_description", "refresh_token is missing"));
    }
  }

  @Nested
  class BearerOnTheDataEndpoint {
    @Test
    void withoutATokenTheDataEndpointAnswers401WithABearerChallenge() throws Exception {
      start();

      Reply reply = items(null);

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"live-data\"");
      assertThat(server.answers()).containsExactly("401");
    }

    @Test
    void anIssuedTokenReadsUntilItExpiresByTheMocksClock() throws Exception {
      start();
      String access =
          token(BASIC_APP_S3CRET, "grant_type=client_credentials")
              .json()
              .get("access_token")
              .asText();

      assertThat(items(access).status()).isEqualTo(200);
      assertThat(items(access).json().get("data")).hasSize(5);

      time.sleep(Duration.ofSeconds(599));
      assertThat(items(access).status()).isEqualTo(200);

      time.sleep(Duration.ofSeconds(1));
      Reply expired = items(access);
      assertThat(expired.status()).isEqualTo(401);
      assertThat(map(expired.json()))
          .isEqualTo(
              Map.of("error", "invalid_token", "error_description", "the access token expired"));
      assertThat(expired.header("WWW-Authenticate"))
          .isEqualTo(
              "Bearer realm=\"live-data\", error=\"invalid_token\","
                  + " error_description=\"the access token expired\"");
      assertThat(server.answers()).containsExactly("200", "200", "200", "401");
    }

    @Test
    void anUnknownTokenIsInvalidToken() throws Exception {
      start();

      Reply reply = items("forged");

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json().get("error_description").asText())
          .isEqualTo("the access token is unknown");
    }

    @Test
    void requireBearerFalseLeavesTheDataEndpointOpen() throws Exception {
      start(OAuthConfig.of("app", "s3cret", null).withRequireBearer(false));

      assertThat(items(null).status()).isEqualTo(200);
    }
  }

  @Nested
  class Configuration {
    @Test
    void readsTheOauthBlockAsAYamlParserWouldGiveIt() throws Exception {
      LiveDataConfig config =
          LiveDataConfig.fromMap(
              LiveDataConfigTest.parse(
                  """
                  {"oauth": {"clientId": "app", "clientSecret": "s3cret", "refreshToken": "rt-0",
                             "tokenLifetimeSeconds": 60, "rotateRefreshTokens": false,
                             "requireBearer": false, "tokenPath": "/token"}}
                  """));

      assertThat(config.oauth())
          .contains(new OAuthConfig("app", "s3cret", "rt-0", 60, false, false, "/token"));
    }

    @Test
    void defaultsApplyAndUnknownKeysAreRejected() throws Exception {
      assertThat(
              LiveDataConfig.fromMap(
                      LiveDataConfigTest.parse(
                          "{\"oauth\": {\"clientId\": \"app\", \"clientSecret\": \"s\"}}"))
                  .oauth())
          .contains(OAuthConfig.of("app", "s", null));
      assertThatThrownBy(
              () ->
                  LiveDataConfig.fromMap(
                      LiveDataConfigTest.parse(
                          "{\"oauth\": {\"clientId\": \"app\", \"clientSecret\": \"s\","
                              + " \"lifetime\": 5}}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lifetime");
    }

    @Test
    void theConfigPrintsWithoutSecrets() {
      assertThat(OAuthConfig.of("app", "s3cret", "rt-0").toString())
          .isEqualTo(
              "OAuthConfig[clientId=app, clientSecret=***, refreshToken=***,"
                  + " tokenLifetimeSeconds=3600, rotateRefreshTokens=true, requireBearer=true,"
                  + " tokenPath=/oauth/token]");
    }

    @Test
    void withoutOauthThereIsNoTokenEndpoint() throws Exception {
      server = LiveDataServer.start(LiveDataConfig.builder().size(5).build(), time::millis);

      HttpResponse<String> raw =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(raw.statusCode()).isEqualTo(404);
      assertThat(server.tokenCounts()).isEqualTo(new TokenCounts(0, 0, 0));
      assertThat(items(null).status()).isEqualTo(200);
    }
  }
}
