package dev.pagewalk.auth.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures checked against the published AWS Signature Version 4 test suite ({@link
 * SuiteVector}), five cases byte for byte: the four without a body sign no payload header, {@code
 * post-x-www-form-urlencoded} signs its body's hash in {@code x-amz-content-sha256}.
 */
class SigV4SignerTest {
  private static final String SECRET = SuiteVector.SECRET;
  private static final String SESSION_TOKEN =
      "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
  private static final Clock SUITE_TIME =
      Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

  private static SigV4Signer signer(String sessionToken) {
    return new SigV4Signer(
        new AwsKeys("AKIDEXAMPLE", SECRET, sessionToken, "us-east-1", "service"), SUITE_TIME);
  }

  private static HttpRequest get(String uri) {
    return new HttpRequest("GET", URI.create(uri), Headers.empty(), null);
  }

  @Nested
  class PublishedVectors {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pagewalk.auth.aws.SigV4SignerTest#vectors")
    void theReferenceComputationReproducesThePublishedSignature(SuiteVector vector) {
      assertThat(SuiteVector.signatureOf(vector.canonicalRequest())).isEqualTo(vector.signature());
    }

    @Test
    void postXWwwFormUrlencodedMatchesThePublishedSignedRequestExactly() {
      HttpRequest request =
          new HttpRequest(
              "POST",
              URI.create("https://example.amazonaws.com/"),
              Headers.of(
                  List.of(
                      Map.entry("Content-Type", "application/x-www-form-urlencoded"),
                      Map.entry("Content-Length", "13"))),
              "Param1=value1".getBytes(StandardCharsets.UTF_8));

      HttpRequest signed = signer(null).sign(request);

      assertThat(signed.headers().fields())
          .containsExactlyInAnyOrder(
              Map.entry("Content-Type", "application/x-www-form-urlencoded"),
              Map.entry("Content-Length", "13"),
              Map.entry("X-Amz-Date", "20150830T123600Z"),
              Map.entry(
                  "x-amz-content-sha256",
                  "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"),
              Map.entry(
                  "Authorization",
                  "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                      + "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, "
                      + "Signature=d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"));
      assertThat(signed.headers().first("Authorization"))
          .hasValue(SuiteVector.POST_X_WWW_FORM_URLENCODED.authorization());
      assertThat(signed.body()).isEqualTo(request.body());
    }

    @Test
    void getVanilla() {
      HttpRequest signed = signer(null).sign(get("https://example.amazonaws.com/"));

      assertSigned(signed, SuiteVector.GET_VANILLA);
      assertThat(signed.headers().first("X-Amz-Security-Token")).isEmpty();
    }

    @Test
    void getVanillaQueryOrderKeyCase() {
      HttpRequest signed =
          signer(null).sign(get("https://example.amazonaws.com/?Param2=value2&Param1=value1"));

      assertSigned(signed, SuiteVector.GET_VANILLA_QUERY_ORDER_KEY_CASE);
      assertThat(signed.uri())
          .as("the query is sent as it was")
          .isEqualTo(URI.create("https://example.amazonaws.com/?Param2=value2&Param1=value1"));
    }

    @Test
    void getUtf8() {
      // the suite's request line carries the path as raw UTF-8, the canonical request encodes it
      assertSigned(
          signer(null).sign(get("https://example.amazonaws.com/\u1234")), SuiteVector.GET_UTF8);
    }

    @Test
    void getVanillaWithSessionToken() {
      HttpRequest signed = signer(SESSION_TOKEN).sign(get("https://example.amazonaws.com/"));

      assertSigned(signed, SuiteVector.GET_VANILLA_WITH_SESSION_TOKEN);
      assertThat(signed.headers().first("X-Amz-Security-Token")).hasValue(SESSION_TOKEN);
    }

    /** The published case byte for byte: its date, no payload header, its Authorization. */
    private void assertSigned(HttpRequest signed, SuiteVector published) {
      assertThat(signed.headers().first("X-Amz-Date")).hasValue("20150830T123600Z");
      assertThat(signed.headers().first("x-amz-content-sha256")).isEmpty();
      assertThat(signed.headers().first("Authorization")).hasValue(published.authorization());
    }
  }

  static List<SuiteVector> vectors() {
    return List.of(
        SuiteVector.GET_VANILLA,
        SuiteVector.GET_VANILLA_QUERY_ORDER_KEY_CASE,
        SuiteVector.GET_UTF8,
        SuiteVector.GET_VANILLA_WITH_SESSION_TOKEN,
        SuiteVector.POST_X_WWW_FORM_URLENCODED);
  }

  @Test
  void replacesASignatureTheRequestAlreadyHadAndKeepsItsOtherHeaders() {
    HttpRequest once = signer(null).sign(get("https://example.amazonaws.com/"));
    HttpRequest withAccept =
        new HttpRequest(
            "GET",
            once.uri(),
            Headers.of(
                List.of(
                    Map.entry("Accept", "application/json"),
                    Map.entry("Authorization", "Bearer stale"),
                    Map.entry("X-Amz-Date", "19990101T000000Z"))),
            null);

    HttpRequest twice = signer(null).sign(withAccept);

    assertThat(twice.headers().all("Authorization")).hasSize(1);
    assertThat(twice.headers().all("X-Amz-Date")).containsExactly("20150830T123600Z");
    assertThat(twice.headers().first("Accept")).hasValue("application/json");
    assertThat(twice.headers().first("Authorization").orElseThrow())
        .contains("SignedHeaders=accept;host;x-amz-date, Signature=");
  }

  @Test
  void theDateComesFromTheClock() {
    Clock later = Clock.fixed(Instant.parse("2026-12-05T01:02:03Z"), ZoneOffset.UTC);
    HttpRequest signed =
        new SigV4Signer(new AwsKeys("AKIDEXAMPLE", SECRET, null, "eu-west-1", "execute-api"), later)
            .sign(get("https://api.example.com/items"));

    assertThat(signed.headers().first("X-Amz-Date")).hasValue("20261205T010203Z");
    assertThat(signed.headers().first("Authorization").orElseThrow())
        .startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261205/eu-west-1/execute-api/aws4_request, ");
  }

  @Test
  void s3RequestsAlwaysCarryThePayloadHash() {
    HttpRequest signed =
        new SigV4Signer(new AwsKeys("AKIDEXAMPLE", SECRET, null, "us-east-1", "s3"), SUITE_TIME)
            .sign(get("https://bucket.s3.amazonaws.com/a%20key"));

    assertThat(signed.headers().first("X-Amz-Content-Sha256"))
        .as("the SHA-256 of an empty body")
        .hasValue("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(signed.headers().first("Authorization").orElseThrow())
        .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=");
  }

  @Nested
  class Secrets {
    @Test
    void keysPrintWithoutTheSecretOrSessionToken() {
      AwsKeys keys = new AwsKeys("AKIDEXAMPLE", SECRET, SESSION_TOKEN, "us-east-1", "service");

      assertThat(keys.toString())
          .isEqualTo(
              "AwsKeys[accessKeyId=AKIDEXAMPLE, secretAccessKey=***, sessionToken=***, region=us-east-1, service=service]");
      assertThat(new SigV4Signer(keys, SUITE_TIME).toString())
          .isEqualTo("SigV4Signer[" + keys + "]")
          .doesNotContain(SECRET)
          .doesNotContain(SESSION_TOKEN);
    }

    @Test
    void aSignedRequestPrintsWithoutItsSignature() {
      HttpRequest signed = signer(SESSION_TOKEN).sign(get("https://example.amazonaws.com/"));

      assertThat(signed.toString()).isEqualTo("GET https://example.amazonaws.com/");
    }

    @Test
    void aRequestTheSignerCannotTakeFailsWithoutTheSecret() {
      HttpRequest odd =
          new HttpRequest("BREW", URI.create("https://example.amazonaws.com/"), null, null);

      assertThatThrownBy(() -> signer(SESSION_TOKEN).sign(odd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("SigV4 cannot sign the method BREW")
          .hasNoCause();
    }

    @Test
    void incompleteKeysAreRefusedWithoutEchoingTheSecret() {
      assertThatThrownBy(() -> new AwsKeys("AKIDEXAMPLE", SECRET, null, " ", "service"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("AWS keys: region is blank");
      assertThatThrownBy(() -> new AwsKeys("AKIDEXAMPLE", SECRET, "", "us-east-1", "service"))
          .hasMessage("AWS keys: sessionToken is blank (leave it out for none)");
      assertThatThrownBy(() -> new AwsKeys("AKIDEXAMPLE", " ", null, "us-east-1", "service"))
          .hasMessage("AWS keys: secretAccessKey is blank");
    }
  }
}
