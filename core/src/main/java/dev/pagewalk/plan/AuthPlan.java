package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.util.Objects;
import java.util.Set;

/**
 * The spec's {@code auth} block compiled: where tokens come from ({@code source}), where a token
 * goes on every request ({@code applyHeaders}, {@code applyQs}: templates over {@code auth}, {@code
 * parameters} and {@code connection}; at least one is set) and the statuses after which the token
 * is refreshed and the request sent once more ({@code refreshOn}).
 */
public record AuthPlan(
    AuthSource source, Template applyHeaders, Template applyQs, Set<Integer> refreshOn) {
  /** The statuses a token is refreshed after when the spec names none. */
  public static final Set<Integer> DEFAULT_REFRESH_ON = Set.of(401);

  public AuthPlan {
    Objects.requireNonNull(source, "source");
    refreshOn = Set.copyOf(refreshOn);
  }
}
