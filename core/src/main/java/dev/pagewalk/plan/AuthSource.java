package dev.pagewalk.plan;

/** Where an {@link AuthPlan}'s tokens come from: an OAuth2 token endpoint or a login request. */
public sealed interface AuthSource permits OAuth2Plan, LoginPlan {
  /** The template of the URL tokens are asked for at (absolute, or relative to the base URL). */
  dev.pagewalk.expr.Template url();
}
