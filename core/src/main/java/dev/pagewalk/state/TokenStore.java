package dev.pagewalk.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the tokens of a connection's authentication are kept between runs: the refresh token an
 * OAuth2 server rotated (it replaces the configured one) and the last access token with its expiry.
 * Implementations write atomically and durably before returning, and keep the values readable by
 * their owner only.
 */
public interface TokenStore {
  /** The tokens saved under {@code key}, if any. */
  Optional<SavedTokens> load(String key);

  /** Saves the tokens under {@code key}, replacing earlier ones; durable when this returns. */
  void save(String key, SavedTokens tokens);

  /**
   * The tokens of one connection; any of them may be null.
   *
   * @param refreshToken the refresh token to use next, in place of the configured one
   * @param accessToken the last access token
   * @param expiresAt when {@code accessToken} expires
   */
  record SavedTokens(String refreshToken, String accessToken, Instant expiresAt) {
    @Override
    public String toString() {
      return "SavedTokens[refreshToken=***, accessToken=***, expiresAt=" + expiresAt + "]";
    }
  }
}
