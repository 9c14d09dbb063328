package dev.pagewalk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.plan.JwtAlgorithm;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 7523 assertions: ES256 and HS256 verify with the key's other half; a bad key says why. */
class JwtAssertionTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void es256FromAPkcs8PemKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----";

    SignedJWT jwt =
        SignedJWT.parse(
            JwtAssertion.sign(
                "s",
                JwtAlgorithm.ES256,
                pem,
                "iss-1",
                "sub-1",
                "aud-1",
                Duration.ofMinutes(2),
                NOW));

    assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic()))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
        .isEqualTo(NOW.plusSeconds(120));
    assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
  }

  @Test
  void hs256WithASharedSecret() throws Exception {
    String secret = "a-shared-secret-of-at-least-32-bytes!";
    SignedJWT jwt =
        SignedJWT.parse(
            JwtAssertion.sign(
                "s", JwtAlgorithm.HS256, secret, "i", "i", "a", Duration.ofMinutes(5), NOW));
    assertThat(jwt.verify(new MACVerifier(secret))).isTrue();
  }

  @Test
  void aKeyTheAlgorithmCannotUseIsAnInputErrorThatDoesNotShowIt() {
    RunFailureException e =
        catchThrowableOfType(
            RunFailureException.class,
            () ->
                JwtAssertion.sign(
                    "orders",
                    JwtAlgorithm.RS256,
                    "not-a-key-s3cret",
                    "i",
                    "i",
                    "a",
                    Duration.ofMinutes(5),
                    NOW));
    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
    assertThat(e.getMessage())
        .isEqualTo(
            "orders: auth.oauth2.jwt.privateKey cannot sign RS256 assertions: expected a PKCS#8 PEM"
                + " private key (-----BEGIN PRIVATE KEY-----) of type RSA");
  }
}
