package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import java.util.Set;

/**
 * The spec's {@code auth} block compiled: where tokens come from ({@code source}), where a token
 * goes on every request ({@code applyHeaders}, {@code applyQs}: templates over {@code auth}, {@code
 * parameters} and {@code connection}; at least one is set) and the statuses after which the token
 * is refreshed and the request sent once more ({@code refreshOn}). A block with {@code aws} signs
 * requests instead: it has no token {@code source} and no {@code apply}.
 */
public record AuthPlan(
    AuthSource source,
    Template applyHeaders,
    Template applyQs,
    Set<Integer> refreshOn,
    AwsPlan aws) {
  /** The statuses a token is refreshed after when the spec names none. */
  public static final Set<Integer> DEFAULT_REFRESH_ON = Set.of(401);

  public AuthPlan {
    if ((source == null) == (aws == null)) {
      throw new IllegalArgumentException("an auth plan has a token source or aws, not both");
    }
    refreshOn = Set.copyOf(refreshOn);
  }

  /** A block that signs every request with {@code aws}. */
  public static AuthPlan signing(AwsPlan aws) {
    return new AuthPlan(null, null, null, DEFAULT_REFRESH_ON, aws);
  }
}
