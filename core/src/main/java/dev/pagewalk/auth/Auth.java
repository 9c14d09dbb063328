package dev.pagewalk.auth;

import dev.pagewalk.engine.send.AuthLink;
import dev.pagewalk.engine.send.Pipeline;
import dev.pagewalk.expr.Bindings;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.plan.AuthPlan;
import dev.pagewalk.plan.LoginPlan;
import dev.pagewalk.plan.OAuth2Plan;
import dev.pagewalk.state.TokenStore;
import java.time.Clock;

/**
 * The authentication of one run: its auth link, the token source behind it, the secrets it learns
 * and the token requests it sent. Nothing is fetched until a request needs a token.
 *
 * @param link the pipeline's auth link ({@link AuthLink#NONE} without an {@code auth} block)
 * @param source the run's token source; null without an {@code auth} block or with {@code
 *     auth.aws}, which signs requests instead
 * @param secrets what the run's redaction must mask besides the declared secrets
 * @param requests the token and login requests sent, for the run's counts
 */
public record Auth(AuthLink link, TokenSource source, AuthSecrets secrets, AuthRequests requests) {
  /** A run without an {@code auth} block. */
  public static Auth none() {
    return new Auth(AuthLink.NONE, null, new AuthSecrets(), new AuthRequests());
  }

  /**
   * The authentication of a run of the spec {@code spec} with {@code plan} (null: none). {@code
   * inputs} gives {@code parameters} and {@code connection}; {@code baseUrl} (may be null) is the
   * run's base URL, which relative token and login URLs join and whose origin gets the token; token
   * requests go through {@code tokens} (the run's {@link Pipeline#forCredentials}) under {@code
   * limits}; a token lives by {@code clock}; a rotated refresh token and the access token are saved
   * in {@code store} (null: kept for the run only).
   */
  public static Auth of(
      String spec,
      AuthPlan plan,
      Bindings inputs,
      String baseUrl,
      Pipeline tokens,
      RequestLimits limits,
      Clock clock,
      TokenStore store) {
    if (plan == null) {
      return none();
    }
    AuthSecrets secrets = new AuthSecrets();
    AuthRequests requests = new AuthRequests();
    Inputs values = new Inputs(spec, inputs, baseUrl);
    if (plan.aws() != null) {
      return new Auth(
          new SigningLink(spec, plan.aws(), values, clock, secrets, HomeOrigin.of(baseUrl)),
          null,
          secrets,
          requests);
    }
    TokenEndpoint endpoint = new TokenEndpoint(tokens, limits, secrets, requests);
    TokenFetcher fetcher =
        plan.source() instanceof OAuth2Plan o
            ? new OAuth2Fetcher(o, values, endpoint, secrets)
            : new LoginFetcher((LoginPlan) plan.source(), values, endpoint, secrets);
    TokenSource source = new TokenSource(fetcher, store, clock, secrets);
    return new Auth(
        new TokenLink(spec, plan, source, values, HomeOrigin.of(baseUrl)),
        source,
        secrets,
        requests);
  }
}
