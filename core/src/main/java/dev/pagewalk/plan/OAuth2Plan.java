package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.util.Objects;

/**
 * {@code auth.oauth2}: an RFC 6749 token endpoint and the grant to ask it for. Every value is a
 * template over {@code parameters} and {@code connection}; those the grant does not use are null.
 */
public record OAuth2Plan(
    OAuth2Grant grant,
    Template url,
    Template clientId,
    Template clientSecret,
    ClientAuth clientAuth,
    Template refreshToken,
    Template scope,
    Template params,
    JwtPlan jwt)
    implements AuthSource {
  public OAuth2Plan {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(clientAuth, "clientAuth");
  }
}
