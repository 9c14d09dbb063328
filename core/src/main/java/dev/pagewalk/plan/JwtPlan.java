package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code auth.oauth2.jwt}: the claims and key of an RFC 7523 assertion. {@code subject} and {@code
 * audience} may be null (the issuer and the token URL stand in).
 */
public record JwtPlan(
    Template issuer,
    Template subject,
    Template audience,
    Template privateKey,
    JwtAlgorithm algorithm,
    Duration lifetime) {
  /** How long an assertion is valid when the spec does not say. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  public JwtPlan {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(lifetime, "lifetime");
  }
}
