package dev.pagewalk.auth;

import java.net.URI;
import java.time.Instant;

/** Asks a server for a new token: an OAuth2 grant or a login request. */
interface TokenFetcher {
  /**
   * A new token, using {@code refreshToken} (the one in use, or null) when the grant needs one; its
   * lifetime is measured from {@code now}.
   *
   * @throws dev.pagewalk.PagewalkException when the server refuses or cannot be reached
   */
  Token fetch(String refreshToken, Instant now);

  /** The key the tokens of this source are saved under in a token store. */
  String storeKey();

  /** Where tokens are asked for: the token URL, or the login URL without its query. */
  URI endpoint();

  /** The refresh token configured in the spec (null when the grant uses none). */
  String configuredRefreshToken();

  /**
   * Whether the access token is saved for later runs: only where the store key names whose token it
   * is (an OAuth2 client, a JWT's issuer and subject), never a login session, which the key does
   * not tell apart from another user's.
   */
  boolean keepsAccessToken();
}
