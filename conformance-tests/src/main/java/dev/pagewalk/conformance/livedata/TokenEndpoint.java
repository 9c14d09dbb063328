package dev.pagewalk.conformance.livedata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The mock's OAuth2 token endpoint (RFC 6749) and the bearer check of its data endpoint. It knows
 * one client ({@link OAuthConfig}), authenticated by HTTP Basic ({@code client_secret_basic}: the
 * form-encoded id and secret) or by {@code client_id}/{@code client_secret} in the body ({@code
 * client_secret_post}), never both. It serves {@code client_credentials} (an access token, no
 * refresh token) and {@code refresh_token}: with rotation, each refresh answers a new refresh token
 * and the one it used is refused from then on with {@code 400 invalid_grant}; without, the answer
 * has no refresh token and the old one stays good. Access tokens expire {@code
 * tokenLifetimeSeconds} after issue by the mock's clock. Errors are RFC 6749 §5.2 bodies ({@code
 * {"error": "invalid_grant", "error_description": "..."}}); every answer has {@code Cache-Control:
 * no-store}. Tokens are {@code access-<n>} and {@code refresh-<n>}, numbered in issue order.
 * Thread-safe.
 */
final class TokenEndpoint {
  private static final String REALM = "live-data";

  private final OAuthConfig config;
  private final LongSupplier clock;
  private final Map<String, Long> accessTokens = new HashMap<>();
  private final Set<String> refreshTokens = new HashSet<>();
  private int issued;
  private int clientCredentials;
  private int refreshes;
  private int refused;

  TokenEndpoint(OAuthConfig config, LongSupplier clock) {
    this.config = config;
    this.clock = clock;
    if (config.refreshToken() != null) {
      refreshTokens.add(config.refreshToken());
    }
  }

  OAuthConfig config() {
    return config;
  }

  /** Answers one {@code POST} to the token path. */
  synchronized PageResponse token(String contentType, String authorization, String body) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return refuse(
          OAuthError.INVALID_REQUEST, "the body must be application/x-www-form-urlencoded");
    }
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (form.put(name, value) != null) {
        return refuse(OAuthError.INVALID_REQUEST, "the parameter " + name + " is repeated");
      }
    }
    PageResponse clientRefused = authenticate(authorization, form);
    if (clientRefused != null) {
      return clientRefused;
    }
    String grant = form.get("grant_type");
    if (grant == null) {
      return refuse(OAuthError.INVALID_REQUEST, "grant_type is missing");
    }
    GrantType type = GrantType.fromWireName(grant).orElse(null);
    if (type == null) {
      return refuse(OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type " + grant + " is not served");
    }
    return switch (type) {
      case CLIENT_CREDENTIALS -> {
        clientCredentials++;
        yield issue(null, form.get("scope"));
      }
      case REFRESH_TOKEN -> refresh(form.get("refresh_token"), form.get("scope"));
    };
  }

  private PageResponse refresh(String refreshToken, String scope) {
    if (refreshToken == null) {
      return refuse(OAuthError.INVALID_REQUEST, "refresh_token is missing");
    }
    if (!refreshTokens.contains(refreshToken)) {
      return refuse(
          OAuthError.INVALID_GRANT, "the refresh token is invalid, expired, revoked or used");
    }
    refreshes++;
    String next = null;
    if (config.rotateRefreshTokens()) {
      refreshTokens.remove(refreshToken);
      next = "refresh-" + (issued + 1);
      refreshTokens.add(next);
    }
    return issue(next, scope);
  }

  private PageResponse issue(String refreshToken, String scope) {
    issued++;
    String access = "access-" + issued;
    accessTokens.put(access, clock.getAsLong() + config.tokenLifetimeSeconds() * 1000);
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("access_token", access)
            .put("token_type", "Bearer")
            .put("expires_in", config.tokenLifetimeSeconds());
    if (refreshToken != null) {
      body.put("refresh_token", refreshToken);
    }
    if (scope != null) {
      body.put("scope", scope);
    }
    return noStore(PageResponse.json(200, body));
  }

  /** Null when the client authenticated once and correctly, else the refusal. */
  private PageResponse authenticate(String authorization, Map<String, String> form) {
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    boolean post = form.containsKey("client_id") || form.containsKey("client_secret");
    if (basic && post) {
      return refuse(
          OAuthError.INVALID_REQUEST, "the client authenticated twice (Basic and in the body)");
    }
    String id;
    String secret;
    if (basic) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return refuse(OAuthError.INVALID_CLIENT, "the Basic credentials are not base64");
      }
      int colon = decoded.indexOf(':');
      id = decode(colon < 0 ? decoded : decoded.substring(0, colon));
      secret = colon < 0 ? "" : decode(decoded.substring(colon + 1));
    } else {
      id = form.get("client_id");
      secret = form.get("client_secret");
    }
    if (id == null) {
      return refuse(OAuthError.INVALID_CLIENT, "no client authentication");
    }
    if (!id.equals(config.clientId()) || !config.clientSecret().equals(secret)) {
      return refuse(OAuthError.INVALID_CLIENT, "unknown client or wrong secret");
    }
    form.remove("client_id");
    form.remove("client_secret");
    return null;
  }

  /**
   * Null when {@code authorization} carries a valid, unexpired access token; else the data
   * endpoint's 401 (RFC 6750 §3: {@code WWW-Authenticate: Bearer}, with {@code
   * error="invalid_token"} for a token that is unknown or expired).
   */
  synchronized PageResponse checkBearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return PageResponse.error(401, "a bearer access token is required")
          .withHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
    }
    Long expiry = accessTokens.get(authorization.substring(7).strip());
    String why =
        expiry == null
            ? "the access token is unknown"
            : clock.getAsLong() >= expiry ? "the access token expired" : null;
    if (why == null) {
      return null;
    }
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("error", "invalid_token")
            .put("error_description", why);
    return PageResponse.json(401, body)
        .withHeader(
            "WWW-Authenticate",
            "Bearer realm=\""
                + REALM
                + "\", error=\"invalid_token\", error_description=\""
                + why
                + "\"");
  }

  synchronized TokenCounts counts() {
    return new TokenCounts(clientCredentials, refreshes, refused);
  }

  private PageResponse refuse(OAuthError error, String description) {
    refused++;
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("error", error.code())
            .put("error_description", description);
    PageResponse response = noStore(PageResponse.json(error.status(), body));
    return error == OAuthError.INVALID_CLIENT
        ? response.withHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"")
        : response;
  }

  private static PageResponse noStore(PageResponse response) {
    return response.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
