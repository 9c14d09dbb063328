package dev.pagewalk.auth.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One case of the published AWS Signature Version 4 test suite, as kept in awslabs/aws-c-auth at
 * commit 495329c2433034bd8fd53fc6ba9e0202d3fac876, {@code tests/aws-signing-test-suite/v4/<name>/}:
 * its canonical request ({@code header-canonical-request.txt}) and signature ({@code
 * header-signature.txt}), for credentials {@code AKIDEXAMPLE} / {@code
 * wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY}, region {@code us-east-1}, service {@code service}, at
 * 2015-08-30T12:36:00Z ({@code context.json}).
 *
 * <p>{@link #signatureOf} is the specification's signing computation (string to sign, derived key,
 * HMAC), which checks that each case's canonical request and signature were copied together.
 */
record SuiteVector(String name, String canonicalRequest, String signature) {
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String DATE = "20150830T123600Z";
  static final String SCOPE = "20150830/us-east-1/service/aws4_request";
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  static final SuiteVector GET_VANILLA =
      new SuiteVector(
          "get-vanilla",
          "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
              + EMPTY_SHA256,
          "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  static final SuiteVector GET_VANILLA_QUERY_ORDER_KEY_CASE =
      new SuiteVector(
          "get-vanilla-query-order-key-case",
          "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\n"
              + "x-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
              + EMPTY_SHA256,
          "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
  static final SuiteVector GET_UTF8 =
      new SuiteVector(
          "get-utf8",
          "GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
              + "host;x-amz-date\n"
              + EMPTY_SHA256,
          "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
  static final SuiteVector GET_VANILLA_WITH_SESSION_TOKEN =
      new SuiteVector(
          "get-vanilla-with-session-token",
          "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n"
              + "x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n"
              + "\nhost;x-amz-date;x-amz-security-token\n"
              + EMPTY_SHA256,
          "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8");
  static final SuiteVector POST_X_WWW_FORM_URLENCODED =
      new SuiteVector(
          "post-x-www-form-urlencoded",
          "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded\n"
              + "host:example.amazonaws.com\n"
              + "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n"
              + "x-amz-date:20150830T123600Z\n\n"
              + "content-length;content-type;host;x-amz-content-sha256;x-amz-date\n"
              + "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
          "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b");

  String signedHeaders() {
    String[] lines = canonicalRequest.split("\n", -1);
    return lines[lines.length - 2];
  }

  /** The {@code Authorization} header of this case. */
  String authorization() {
    return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
        + SCOPE
        + ", SignedHeaders="
        + signedHeaders()
        + ", Signature="
        + signature;
  }

  static String signatureOf(String canonicalRequest) {
    try {
      String stringToSign =
          "AWS4-HMAC-SHA256\n" + DATE + "\n" + SCOPE + "\n" + hex(sha256(canonicalRequest));
      byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), "20150830");
      key = hmac(key, "us-east-1");
      key = hmac(key, "service");
      key = hmac(key, "aws4_request");
      return hex(hmac(key, stringToSign));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(String s) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
