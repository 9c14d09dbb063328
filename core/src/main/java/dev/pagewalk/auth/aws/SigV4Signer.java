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
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests with AWS Signature Version 4 in the {@code Authorization} header, using the AWS
 * SDK's own signer ({@link AwsV4HttpSigner}). A signed request carries {@code Authorization},
 * {@code X-Amz-Date}, {@code X-Amz-Security-Token} with temporary credentials, and {@code
 * X-Amz-Content-Sha256}, the SHA-256 of the body (of an empty one for none), which the SDK's signer
 * always signs and S3 requires; any of these the request already had are replaced. Paths are
 * encoded twice in the canonical request, as every service but S3 expects, and once for S3.
 *
 * <p>Immutable and thread-safe; the date of each signature comes from the clock.
 */
public final class SigV4Signer {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
  private static final String S3 = "s3";

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
    List<Map.Entry<String, String>> headers = new ArrayList<>(kept);
    signed
        .request()
        .forEachHeader(
            (name, values) -> {
              if (SIGNATURE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> headers.add(Map.entry(name, v)));
              }
            });
    return new HttpRequest(request.method(), request.uri(), Headers.of(headers), body);
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
