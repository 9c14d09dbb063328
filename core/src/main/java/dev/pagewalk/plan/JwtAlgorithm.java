package dev.pagewalk.plan;

/** The signature algorithms of an RFC 7523 assertion ({@code auth.oauth2.jwt.algorithm}). */
public enum JwtAlgorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256; an RSA private key in PKCS#8 PEM. */
  RS256,
  /** ECDSA on P-256 with SHA-256; an EC private key in PKCS#8 PEM. */
  ES256,
  /** HMAC with SHA-256; the key is the shared secret (at least 32 bytes). */
  HS256
}
