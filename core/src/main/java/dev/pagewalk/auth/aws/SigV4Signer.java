package dev.pagewalk.auth.aws;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigner;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigningResult;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests with AWS Signature Version 4 in the {@code Authorization} header, using the AWS
 * SDK's own signer. A signed request carries {@code Authorization}, {@code X-Amz-Date}, {@code
 * X-Amz-Security-Token} with temporary credentials and, for a request with a body or to S3 (which
 * requires it), {@code X-Amz-Content-Sha256}, the SHA-256 of the body ({@link AwsV4HttpSigner},
 * which always adds it). A request without a body to another service is signed by the SDK's V4
 * request signer without that header, as the published test suite signs it (the empty payload's
 * hash is in the canonical request either way). Any of these headers the request already had are
 * replaced. Paths are encoded twice in the canonical request, as every service but S3 expects, and
 * once for S3.
 *
 * <p>Immutable and thread-safe; the date of each signature comes from the clock.
 */
public final class SigV4Signer {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
  private static final String S3 = "s3";
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** The headers a signature sets (lower case), dropped from the request before it is signed. */
  static final Set<String> SIGNATURE_HEADERS =
      Set.of("authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256");

  private final AwsKeys keys;
  private final Clock clock;
  private final AwsCredentialsIdentity identity;

  /** A signer for {@code keys} that dates its signatures by {@code clock}. */
  public SigV4Signer(AwsKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.identity =
        keys.sessionToken() == null
            ? AwsCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey())
            : AwsSessionCredentialsIdentity.create(
                keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken());
  }

  /** {@code request} with the signature's headers added; the method, URI and body are unchanged. */
  public HttpRequest sign(HttpRequest request) {
    List<Map.Entry<String, String>> kept = new ArrayList<>();
    for (Map.Entry<String, String> f : request.headers().fields()) {
      if (!SIGNATURE_HEADERS.contains(f.getKey().toLowerCase(Locale.ROOT))) {
        kept.add(f);
      }
    }
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder().method(method(request)).uri(request.uri());
    for (Map.Entry<String, String> f : kept) {
      unsigned.appendHeader(f.getKey(), f.getValue());
    }
    boolean s3 = keys.service().equals(S3);
    byte[] body = request.body();
    if (body == null && !s3) {
      return withSignature(request, kept, withoutPayloadHeader(unsigned));
    }
    SignedRequest signed =
        SIGNER.sign(
            r ->
                r.identity(identity)
                    .request(unsigned.build())
                    .payload(body == null ? null : ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, keys.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, keys.region())
                    .putProperty(AwsV4FamilyHttpSigner.SIGNING_CLOCK, clock)
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !s3)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !s3)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));
    return withSignature(request, kept, signed.request());
  }

  /**
   * A request without a body, signed by the SDK's V4 request signer with the hash of the empty
   * payload in the canonical request but no {@code x-amz-content-sha256} header, as the published
   * suite signs such requests; the SDK's {@link AwsV4HttpSigner} would add and sign the header.
   */
  private SdkHttpRequest withoutPayloadHeader(SdkHttpRequest.Builder unsigned) {
    CredentialScope scope = new CredentialScope(keys.region(), keys.service(), clock.instant());
    V4Properties properties =
        V4Properties.builder()
            .credentials(identity)
            .credentialScope(scope)
            .signingClock(clock)
            .doubleUrlEncode(true)
            .normalizePath(true)
            .build();
    if (identity instanceof AwsSessionCredentialsIdentity session) {
      unsigned.putHeader("X-Amz-Security-Token", session.sessionToken());
    }
    SignerUtils.addHostHeader(unsigned);
    SignerUtils.addDateHeader(unsigned, SignerUtils.formatDateTime(scope.getInstant()));
    V4RequestSigningResult result = V4RequestSigner.create(properties, EMPTY_SHA256).sign(unsigned);
    return result
        .getSignedRequest()
        .putHeader(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential="
                + scope.scope(identity)
                + ", SignedHeaders="
                + result.getCanonicalRequest().getSignedHeadersString()
                + ", Signature="
                + result.getSignature())
        .build();
  }

  /** {@code request} with {@code kept} headers and the signature's headers of {@code signed}. */
  private static HttpRequest withSignature(
      HttpRequest request, List<Map.Entry<String, String>> kept, SdkHttpRequest signed) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(kept);
    signed.forEachHeader(
        (name, values) -> {
          if (SIGNATURE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            values.forEach(v -> headers.add(Map.entry(name, v)));
          }
        });
    return new HttpRequest(request.method(), request.uri(), Headers.of(headers), request.body());
  }

  private static SdkHttpMethod method(HttpRequest request) {
    try {
      return SdkHttpMethod.fromValue(request.method());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SigV4 cannot sign the method " + request.method());
    }
  }

  @Override
  public String toString() {
    return "SigV4Signer[" + keys + "]";
  }
}
