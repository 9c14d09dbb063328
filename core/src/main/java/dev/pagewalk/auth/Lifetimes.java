package dev.pagewalk.auth;

import java.time.Duration;
import java.time.Instant;

/** When a token that lives {@code expiresIn} must be renewed: a margin before it expires. */
final class Lifetimes {
  /** The longest margin: a token is renewed at the latest this long before it expires. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  private Lifetimes() {}

  /** The renewal instant of a token issued at {@code now}; null when its lifetime is unknown. */
  static Instant renewAt(Instant now, Long expiresInSeconds) {
    if (expiresInSeconds == null) {
      return null;
    }
    Duration life = Duration.ofSeconds(Math.max(0, expiresInSeconds));
    Duration margin = life.dividedBy(10).compareTo(MARGIN) < 0 ? life.dividedBy(10) : MARGIN;
    return now.plus(life).minus(margin);
  }

  /**
   * The renewal instant of a token an earlier run saved, which expires at {@code expiresAt}: its
   * lifetime is not known any more, so the longest margin.
   */
  static Instant renewAtOfSaved(Instant expiresAt) {
    return expiresAt.minus(MARGIN);
  }
}
