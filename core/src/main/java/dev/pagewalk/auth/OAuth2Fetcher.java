package dev.pagewalk.auth;

import dev.pagewalk.expr.Values;
import dev.pagewalk.plan.ClientAuth;
import dev.pagewalk.plan.JwtPlan;
import dev.pagewalk.plan.OAuth2Grant;
import dev.pagewalk.plan.OAuth2Plan;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fetches tokens from an RFC 6749 token endpoint: a form POST with the grant's fields ({@code
 * client_credentials}; {@code refresh_token} with the refresh token in use; {@code jwt_bearer} with
 * a fresh signed assertion), {@code scope} and {@code params}, and the client authenticated by
 * client_secret_basic or client_secret_post.
 */
final class OAuth2Fetcher implements TokenFetcher {
  private final OAuth2Plan plan;
  private final Inputs inputs;
  private final TokenEndpoint endpoint;
  private final AuthSecrets secrets;

  OAuth2Fetcher(OAuth2Plan plan, Inputs inputs, TokenEndpoint endpoint, AuthSecrets secrets) {
    this.plan = plan;
    this.inputs = inputs;
    this.endpoint = endpoint;
    this.secrets = secrets;
  }

  private URI url() {
    return inputs.url(plan.url(), "auth.oauth2.tokenUrl", Map.of());
  }

  private String clientId() {
    return inputs.text(plan.clientId(), "auth.oauth2.clientId");
  }

  @Override
  public URI endpoint() {
    return url();
  }

  @Override
  public String storeKey() {
    String clientId = clientId();
    String key = inputs.spec() + " " + url() + (clientId == null ? "" : " " + clientId);
    if (plan.grant() != OAuth2Grant.JWT_BEARER) {
      return key;
    }
    String issuer = inputs.text(plan.jwt().issuer(), "auth.oauth2.jwt.issuer");
    String subject = inputs.text(plan.jwt().subject(), "auth.oauth2.jwt.subject");
    return key + " " + issuer + " " + (subject == null ? issuer : subject);
  }

  @Override
  public boolean keepsAccessToken() {
    return true;
  }

  @Override
  public String configuredRefreshToken() {
    return plan.grant() == OAuth2Grant.REFRESH_TOKEN
        ? inputs.text(plan.refreshToken(), "auth.oauth2.refreshToken")
        : null;
  }

  @Override
  public Token fetch(String refreshToken, Instant now) {
    URI url = url();
    String clientId = clientId();
    String clientSecret = inputs.text(plan.clientSecret(), "auth.oauth2.clientSecret");
    secrets.add(clientSecret);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", plan.grant().grantType());
    switch (plan.grant()) {
      case REFRESH_TOKEN -> form.put("refresh_token", refreshToken);
      case JWT_BEARER -> form.put("assertion", assertion(plan.jwt(), url, now));
      case CLIENT_CREDENTIALS -> {}
    }
    String scope = inputs.text(plan.scope(), "auth.oauth2.scope");
    if (scope != null) {
      form.put("scope", scope);
    }
    if (inputs.value(plan.params(), "auth.oauth2.params") instanceof Map<?, ?> params) {
      params.forEach((k, v) -> form.put(String.valueOf(k), Values.toText(v)));
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Content-Type", "application/x-www-form-urlencoded"));
    headers.add(Map.entry("Accept", "application/json"));
    if (clientId != null) {
      if (clientSecret != null && plan.clientAuth() == ClientAuth.BASIC) {
        String pair = encode(clientId) + ":" + encode(clientSecret);
        headers.add(
            Map.entry(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
      } else {
        form.put("client_id", clientId);
        if (clientSecret != null) {
          form.put("client_secret", clientSecret);
        }
      }
    }
    byte[] body =
        form.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"))
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest request = new HttpRequest("POST", url, Headers.of(headers), body);
    return TokenResponses.read(
        inputs.spec(), endpoint.display(request), endpoint.send(request), secrets, now);
  }

  private String assertion(JwtPlan jwt, URI url, Instant now) {
    String issuer = inputs.text(jwt.issuer(), "auth.oauth2.jwt.issuer");
    String subject = inputs.text(jwt.subject(), "auth.oauth2.jwt.subject");
    String audience = inputs.text(jwt.audience(), "auth.oauth2.jwt.audience");
    String key = inputs.text(jwt.privateKey(), "auth.oauth2.jwt.privateKey");
    secrets.add(key);
    String signed =
        JwtAssertion.sign(
            inputs.spec(),
            jwt.algorithm(),
            key,
            issuer,
            subject == null ? issuer : subject,
            audience == null ? url.toString() : audience,
            jwt.lifetime(),
            now);
    secrets.add(signed);
    return signed;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
