package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The grants against a real RFC 6749 / RFC 7523 token endpoint ({@code mock-oauth2-server}): the
 * token the server issued is the one the API receives, and the token request carries the client
 * authentication and grant fields the spec asks for.
 */
class OAuth2ServerTest {
  private final MockOAuth2Server oauth = new MockOAuth2Server();
  private final Stub api = new Stub();

  @BeforeEach
  void start() {
    oauth.start();
    api.on("/orders", g -> Stub.Answer.json("{\"data\": [{\"id\": 1}, {\"id\": 2}]}"));
  }

  @AfterEach
  void stop() {
    oauth.shutdown();
    api.close();
  }

  private static final String SPEC =
      """
      pagewalk: 1
      name: orders
      baseUrl: %s
      connection:
        client_id: {type: string}
        client_secret: {type: string, secret: true}
        refresh_token: {type: string, secret: true}
        key: {type: string, secret: true}
      auth:
        oauth2:
      %s
      request:
        url: /orders
        response: {iterate: "{{body.data}}"}
      """;

  private List<dev.pagewalk.OutputRecord> run(String oauth2, Map<String, Object> connection) {
    String yaml = SPEC.formatted(api.url(), oauth2.indent(4).stripTrailing());
    try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      Runner.Collected c =
          runner.collect(
              Pagewalk.parse("orders.yaml", yaml), RunInput.empty().withConnection(connection));
      c.result().orThrow();
      return c.records();
    }
  }

  private String tokenUrl() {
    return oauth.tokenEndpointUrl("tenant1").toString();
  }

  private Map<String, String> form(RecordedRequest r) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String pair : r.getBody().readUtf8().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  private String bearerSentToTheApi() {
    String header = api.got("/orders").get(0).header("Authorization");
    assertThat(header).startsWith("Bearer ");
    return header.substring("Bearer ".length());
  }

  @Test
  void clientCredentialsWithBasicClientAuthentication() throws Exception {
    List<dev.pagewalk.OutputRecord> records =
        run(
            """
            grant: client_credentials
            tokenUrl: "%s"
            clientId: "{{connection.client_id}}"
            clientSecret: "{{connection.client_secret}}"
            scope: read:orders
            params: {audience: orders-api}
            """
                .formatted(tokenUrl()),
            Map.of("client_id", "my client", "client_secret", "s3cret:x"));
    assertThat(records).hasSize(2);

    RecordedRequest token = oauth.takeRequest();
    assertThat(token.getHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("my+client:s3cret%3Ax".getBytes(StandardCharsets.UTF_8)));
    assertThat(form(token))
        .isEqualTo(
            Map.of(
                "grant_type",
                "client_credentials",
                "scope",
                "read:orders",
                "audience",
                "orders-api"));
    SignedJWT sent = SignedJWT.parse(bearerSentToTheApi());
    assertThat(sent.getJWTClaimsSet().getIssuer()).endsWith("/tenant1");
    assertThat(sent.getJWTClaimsSet().getSubject()).isEqualTo("my client");
  }

  @Test
  void clientCredentialsWithTheSecretInTheBody() throws Exception {
    run(
        """
        grant: client_credentials
        tokenUrl: "%s"
        clientId: "{{connection.client_id}}"
        clientSecret: "{{connection.client_secret}}"
        clientAuth: body
        """
            .formatted(tokenUrl()),
        Map.of("client_id", "app-1", "client_secret", "s3cret"));
    RecordedRequest token = oauth.takeRequest();
    assertThat(token.getHeader("Authorization")).isNull();
    assertThat(form(token))
        .isEqualTo(
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                "app-1",
                "client_secret",
                "s3cret"));
    assertThat(SignedJWT.parse(bearerSentToTheApi()).getJWTClaimsSet().getSubject())
        .isEqualTo("app-1");
  }

  @Test
  void jwtBearerWithAnRs256AssertionFromAPemKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    run(
        """
        grant: jwt_bearer
        tokenUrl: "%s"
        clientId: "{{connection.client_id}}"
        clientSecret: "{{connection.client_secret}}"
        scope: "openid orders"
        jwt:
          issuer: "{{connection.client_id}}"
          subject: service-user@example.com
          privateKey: "{{connection.key}}"
        """
            .formatted(tokenUrl()),
        Map.of("client_id", "svc", "client_secret", "s3cret", "key", pem));
    Map<String, String> form = form(oauth.takeRequest());
    assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
    SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
    assertThat(
            assertion.verify(
                new com.nimbusds.jose.crypto.RSASSAVerifier(
                    (java.security.interfaces.RSAPublicKey) pair.getPublic())))
        .isTrue();
    assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(tokenUrl());
    assertThat(SignedJWT.parse(bearerSentToTheApi()).getJWTClaimsSet().getSubject())
        .isEqualTo("service-user@example.com");
  }

  @Test
  void refreshTokenGrant() throws Exception {
    run(
        """
        grant: refresh_token
        tokenUrl: "%s"
        clientId: "{{connection.client_id}}"
        clientSecret: "{{connection.client_secret}}"
        refreshToken: "{{connection.refresh_token}}"
        """
            .formatted(tokenUrl()),
        Map.of("client_id", "app-1", "client_secret", "s3cret", "refresh_token", "rt-configured"));
    Map<String, String> form = form(oauth.takeRequest());
    assertThat(form)
        .isEqualTo(Map.of("grant_type", "refresh_token", "refresh_token", "rt-configured"));
    assertThat(SignedJWT.parse(bearerSentToTheApi()).getJWTClaimsSet().getIssuer())
        .endsWith("/tenant1");
  }
}
