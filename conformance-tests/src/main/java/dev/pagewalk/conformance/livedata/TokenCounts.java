package dev.pagewalk.conformance.livedata;

/**
 * What the token endpoint has answered so far.
 *
 * @param clientCredentials access tokens issued for the {@code client_credentials} grant
 * @param refreshes access tokens issued for the {@code refresh_token} grant
 * @param refused requests answered with an RFC 6749 error
 */
public record TokenCounts(int clientCredentials, int refreshes, int refused) {
  /** Every request the token endpoint received. */
  public int total() {
    return clientCredentials + refreshes + refused;
  }
}
