package dev.pagewalk.conformance.livedata;

import java.util.Objects;

/**
 * {@code oauth: {clientId: app, clientSecret: s3cret, refreshToken: rt-0, tokenLifetimeSeconds:
 * 3600, rotateRefreshTokens: true, requireBearer: true, tokenPath: /oauth/token}}: the mock gains
 * an OAuth2 token endpoint ({@link TokenEndpoint}) and, with {@code requireBearer}, its data
 * endpoint answers 401 to a request without a valid, unexpired {@code Authorization: Bearer} access
 * token from it.
 *
 * @param clientId the one client the endpoint knows
 * @param clientSecret that client's secret
 * @param refreshToken the refresh token the endpoint honours first (a user's configured one); null
 *     for none, which leaves only the {@code client_credentials} grant until a token is issued
 * @param tokenLifetimeSeconds the lifetime of access tokens ({@code expires_in}), by the mock's
 *     clock
 * @param rotateRefreshTokens whether each refresh returns a new refresh token and revokes the one
 *     it used
 * @param requireBearer whether the data endpoint needs a valid access token
 * @param tokenPath where the token endpoint listens ({@code POST})
 */
public record OAuthConfig(
    String clientId,
    String clientSecret,
    String refreshToken,
    long tokenLifetimeSeconds,
    boolean rotateRefreshTokens,
    boolean requireBearer,
    String tokenPath) {
  public static final long DEFAULT_LIFETIME_SECONDS = 3600;
  public static final String DEFAULT_TOKEN_PATH = "/oauth/token";

  public OAuthConfig {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (tokenLifetimeSeconds < 1) {
      throw new IllegalArgumentException(
          "oauth.tokenLifetimeSeconds must be at least 1 but was " + tokenLifetimeSeconds);
    }
    if (tokenPath == null || !tokenPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "oauth.tokenPath must start with '/' but was '" + tokenPath + "'");
    }
  }

  /** A client with the defaults: one-hour tokens, rotation on, bearer required, /oauth/token. */
  public static OAuthConfig of(String clientId, String clientSecret, String refreshToken) {
    return new OAuthConfig(
        clientId,
        clientSecret,
        refreshToken,
        DEFAULT_LIFETIME_SECONDS,
        true,
        true,
        DEFAULT_TOKEN_PATH);
  }

  public OAuthConfig withTokenLifetimeSeconds(long seconds) {
    return new OAuthConfig(
        clientId,
        clientSecret,
        refreshToken,
        seconds,
        rotateRefreshTokens,
        requireBearer,
        tokenPath);
  }

  public OAuthConfig withRotateRefreshTokens(boolean rotate) {
    return new OAuthConfig(
        clientId,
        clientSecret,
        refreshToken,
        tokenLifetimeSeconds,
        rotate,
        requireBearer,
        tokenPath);
  }

  public OAuthConfig withRequireBearer(boolean require) {
    return new OAuthConfig(
        clientId,
        clientSecret,
        refreshToken,
        tokenLifetimeSeconds,
        rotateRefreshTokens,
        require,
        tokenPath);
  }

  @Override
  public String toString() {
    return "OAuthConfig[clientId="
        + clientId
        + ", clientSecret=***, refreshToken="
        + (refreshToken == null ? "none" : "***")
        + ", tokenLifetimeSeconds="
        + tokenLifetimeSeconds
        + ", rotateRefreshTokens="
        + rotateRefreshTokens
        + ", requireBearer="
        + requireBearer
        + ", tokenPath="
        + tokenPath
        + "]";
  }
}
