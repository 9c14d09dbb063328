package dev.pagewalk.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.plan.JwtAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The signed JWT of an RFC 7523 grant: {@code iss}, {@code sub}, {@code aud}, a fresh {@code jti},
 * {@code iat} and {@code exp}, signed with Nimbus JOSE+JWT. RS256 and ES256 keys are PKCS#8 PEM
 * ({@code -----BEGIN PRIVATE KEY-----}); an HS256 key is the shared secret itself.
 */
final class JwtAssertion {
  private JwtAssertion() {}

  /**
   * The assertion, serialized.
   *
   * @throws RunFailureException ({@link ErrorCode#INPUT}) when the key is not one the algorithm can
   *     sign with; the message never shows the key
   */
  static String sign(
      String spec,
      JwtAlgorithm algorithm,
      String key,
      String issuer,
      String subject,
      String audience,
      Duration lifetime,
      Instant now) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .audience(audience)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.parse(algorithm.name())), claims);
      jwt.sign(signer(algorithm, key));
      return jwt.serialize();
    } catch (JOSEException | GeneralSecurityException | IllegalArgumentException e) {
      throw new RunFailureException(
          ErrorCode.INPUT,
          spec
              + ": auth.oauth2.jwt.privateKey cannot sign "
              + algorithm
              + " assertions: "
              + (algorithm == JwtAlgorithm.HS256
                  ? "an HS256 secret must be at least 32 bytes"
                  : "expected a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----) of type "
                      + (algorithm == JwtAlgorithm.RS256 ? "RSA" : "EC P-256")));
    }
  }

  private static JWSSigner signer(JwtAlgorithm algorithm, String key)
      throws JOSEException, GeneralSecurityException {
    return switch (algorithm) {
      case HS256 -> new MACSigner(key.getBytes(StandardCharsets.UTF_8));
      case RS256 -> new RSASSASigner(pkcs8(key, "RSA"));
      case ES256 -> new ECDSASigner((ECPrivateKey) pkcs8(key, "EC"));
    };
  }

  private static PrivateKey pkcs8(String pem, String type) throws GeneralSecurityException {
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("not a PKCS#8 PEM key");
    }
    String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
    return KeyFactory.getInstance(type)
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
