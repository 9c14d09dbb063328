package dev.pagewalk.auth;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.BodyEncoder;
import dev.pagewalk.http.EncodedBody;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.MalformedBodyException;
import dev.pagewalk.http.ResponseDecoder;
import dev.pagewalk.plan.LoginPlan;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fetches a session token with the spec's login request; {@code token} and {@code expiresIn} are
 * read from its response. Declared secrets are masked as everywhere; the values of password-like
 * body fields ({@code password}, {@code secret}, {@code token}, {@code key}, {@code credential} in
 * the name) are masked too, even when not declared.
 */
final class LoginFetcher implements TokenFetcher {
  /** Login body fields whose values are masked even when not declared {@code secret}. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("pass|secret|token|key|credential", Pattern.CASE_INSENSITIVE);

  private final LoginPlan plan;
  private final Inputs inputs;
  private final TokenEndpoint endpoint;
  private final AuthSecrets secrets;

  LoginFetcher(LoginPlan plan, Inputs inputs, TokenEndpoint endpoint, AuthSecrets secrets) {
    this.plan = plan;
    this.inputs = inputs;
    this.endpoint = endpoint;
    this.secrets = secrets;
  }

  @Override
  public URI endpoint() {
    return inputs.url(plan.url(), "auth.login.url", Map.of());
  }

  @Override
  public String storeKey() {
    return inputs.spec() + " login";
  }

  @Override
  public boolean keepsAccessToken() {
    return false;
  }

  @Override
  public String configuredRefreshToken() {
    return null;
  }

  @Override
  public Token fetch(String refreshToken, Instant now) {
    Object qs = inputs.value(plan.qs(), "auth.login.qs");
    URI url =
        inputs.url(plan.url(), "auth.login.url", qs instanceof Map<?, ?> m ? cast(m) : Map.of());
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (inputs.value(plan.headers(), "auth.login.headers") instanceof Map<?, ?> h) {
      h.forEach((k, v) -> headers.add(Map.entry(String.valueOf(k), Values.toText(v))));
    }
    byte[] body = null;
    Object value = inputs.value(plan.body(), "auth.login.body");
    secretsIn(value);
    if (value != null && BodyEncoder.allowsBody(plan.method())) {
      Optional<EncodedBody> encoded = BodyEncoder.encode(value, plan.type());
      if (encoded.isPresent()) {
        body = encoded.get().bytes();
        if (headers.stream().noneMatch(e -> e.getKey().equalsIgnoreCase("Content-Type"))) {
          headers.add(Map.entry("Content-Type", encoded.get().contentType()));
        }
      }
    }
    HttpRequest request = new HttpRequest(plan.method(), url, Headers.of(headers), body);
    HttpResponse response = endpoint.send(request);
    String shown = plan.method() + " " + endpoint.display(request);
    if (response.status() < 200 || response.status() >= 300) {
      throw new HttpFailureException(
          inputs.spec() + ": the login request " + shown + " returned " + response.status(),
          response.status(),
          null);
    }
    Map<String, Object> scope = responseScope(response, shown);
    Object token = inputs.value(plan.token(), "auth.login.token", scope::get);
    if (token == null || Values.toText(token).isEmpty()) {
      throw new HttpFailureException(
          ErrorCode.MISSING_KEY,
          inputs.spec() + ": auth.login.token is empty in the response of " + shown,
          response.status(),
          null);
    }
    Object expires = inputs.value(plan.expiresIn(), "auth.login.expiresIn", scope::get);
    String session = Values.toText(token);
    secrets.add(session);
    return Token.issued(session, now, seconds(expires), null);
  }

  /** Registers the values of password-like fields of the login body as secrets. */
  private void secretsIn(Object body) {
    if (body instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            if (SECRET_NAME.matcher(String.valueOf(k)).find() && v != null) {
              secrets.add(Values.toText(v));
            }
            secretsIn(v);
          });
    } else if (body instanceof List<?> l) {
      l.forEach(this::secretsIn);
    }
  }

  private Map<String, Object> responseScope(HttpResponse response, String shown) {
    Object body;
    try {
      body = ResponseDecoder.defaults().decode(response, null);
    } catch (MalformedBodyException e) {
      throw new HttpFailureException(
          ErrorCode.MALFORMED_RESPONSE,
          inputs.spec() + ": the login response of " + shown + " is not JSON: " + e.getMessage(),
          response.status(),
          e);
    }
    Map<String, Object> scope = new java.util.HashMap<>();
    scope.put("body", body);
    scope.put("headers", response.headers().toLowerCaseMap());
    scope.put("statusCode", (long) response.status());
    scope.put("parameters", inputs.bindings().variable("parameters"));
    scope.put("connection", inputs.bindings().variable("connection"));
    return scope;
  }

  private static Long seconds(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return (long) Double.parseDouble(Values.toText(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }
}
