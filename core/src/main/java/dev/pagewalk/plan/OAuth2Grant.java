package dev.pagewalk.plan;

import java.util.List;
import java.util.Locale;

/** The OAuth2 grants {@code auth.oauth2.grant} names. */
public enum OAuth2Grant {
  /** {@code client_credentials}: the client's own id and secret (RFC 6749 §4.4). */
  CLIENT_CREDENTIALS("client_credentials", "clientId", "clientSecret"),
  /** {@code refresh_token}: a refresh token, which the server may rotate (RFC 6749 §6). */
  REFRESH_TOKEN("refresh_token", "refreshToken"),
  /** {@code jwt_bearer}: a signed JWT as the grant (RFC 7523 §2.1). */
  JWT_BEARER("urn:ietf:params:oauth:grant-type:jwt-bearer", "jwt");

  private final String grantType;
  private final List<String> needs;

  OAuth2Grant(String grantType, String... needs) {
    this.grantType = grantType;
    this.needs = List.of(needs);
  }

  /** The keys of {@code auth.oauth2} this grant cannot do without. */
  public List<String> needs() {
    return needs;
  }

  /** The {@code grant_type} form value sent to the token endpoint. */
  public String grantType() {
    return grantType;
  }

  /** The name used in specs: {@code client_credentials}. */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The grant a spec names; IllegalArgumentException for an unknown one. */
  public static OAuth2Grant fromSpecName(String name) {
    for (OAuth2Grant g : values()) {
      if (g.specName().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown OAuth2 grant '" + name + "'");
  }
}
