package dev.pagewalk.plan;

/** How an OAuth2 client proves who it is to the token endpoint ({@code auth.oauth2.clientAuth}). */
public enum ClientAuth {
  /** {@code basic}: client_secret_basic, the id and secret in an Authorization: Basic header. */
  BASIC,
  /** {@code body}: client_secret_post, {@code client_id} and {@code client_secret} form fields. */
  BODY
}
