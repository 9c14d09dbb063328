package dev.pagewalk.conformance.livedata;

import java.util.Locale;

/** The RFC 6749 §5.2 error codes the mock's token endpoint answers with. */
public enum OAuthError {
  /** A missing or repeated parameter, a body that is not a form, two client authentications. */
  INVALID_REQUEST(400),
  /** Unknown client or wrong secret (401, with {@code WWW-Authenticate: Basic}). */
  INVALID_CLIENT(401),
  /** A refresh token that is unknown, revoked by rotation, or already used. */
  INVALID_GRANT(400),
  /** A {@code grant_type} the endpoint does not serve. */
  UNSUPPORTED_GRANT_TYPE(400);

  private final int status;

  OAuthError(int status) {
    this.status = status;
  }

  /** The HTTP status the error is answered with. */
  public int status() {
    return status;
  }

  /** The wire code: {@code invalid_grant}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
