package dev.pagewalk.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A token as a server handed it out: the {@code value} requests carry, when it expires ({@code
 * expiresAt}) and must be renewed ({@code renewAt}, a margin earlier; both null: when a request is
 * refused) and the refresh token that came with it (null: none, the one in use stays).
 */
public record Token(String value, Instant expiresAt, Instant renewAt, String refreshToken) {
  public Token {
    Objects.requireNonNull(value, "value");
  }

  /** True when the token may still be sent at {@code now}. */
  boolean freshAt(Instant now) {
    return renewAt == null || now.isBefore(renewAt);
  }

  /** A token issued at {@code now} that lives {@code expiresInSeconds} (null: unknown). */
  static Token issued(String value, Instant now, Long expiresInSeconds, String refreshToken) {
    return new Token(
        value,
        expiresInSeconds == null ? null : now.plusSeconds(Math.max(0, expiresInSeconds)),
        Lifetimes.renewAt(now, expiresInSeconds),
        refreshToken);
  }

  @Override
  public String toString() {
    return "Token[value=***, expiresAt=" + expiresAt + ", refreshToken=***]";
  }
}
