/**
 * Authentication: the spec's {@code auth} block at run time. A {@link
 * dev.pagewalk.auth.TokenSource} holds a run's token — fetched lazily from an OAuth2 token endpoint
 * ({@code OAuth2Fetcher}: grants client_credentials, refresh_token and jwt_bearer, the last signed
 * by {@code JwtAssertion}) or a login request ({@code LoginFetcher}), both sent through {@code
 * TokenEndpoint} (the core's guarded exchange, with the run's retry rules for 5xx and I/O) —
 * refreshes it before it expires or after a refusal, one refresh at a time, and saves a rotated
 * refresh token through the run's {@link dev.pagewalk.state.TokenStore} before the new access token
 * is used. {@link dev.pagewalk.auth.TokenLink} is the pipeline's auth link: it puts the token on
 * every request and re-sends a refused one once. Every secret it learns goes to {@link
 * dev.pagewalk.auth.AuthSecrets}, which the run's redaction masks.
 *
 * <p>Not exported. Depends on: {@code engine} (only {@code engine.send}, whose link it is), {@code
 * plan}, {@code expr}, {@code http}, {@code retry}, {@code json}, the API ({@code dev.pagewalk},
 * {@code state}) and Nimbus JOSE+JWT.
 */
package dev.pagewalk.auth;
