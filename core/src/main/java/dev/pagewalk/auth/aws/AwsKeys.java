package dev.pagewalk.auth.aws;

import java.util.Objects;

/**
 * The credentials and scope a request is signed with: an access key pair, an optional session token
 * (temporary credentials from STS), and the region and service the signature is for. {@link
 * #toString()} masks the secret and the session token.
 *
 * @param accessKeyId the access key id ({@code AKIA...}); it is not secret and appears in the
 *     signature's credential scope
 * @param secretAccessKey the secret the signature is computed with
 * @param sessionToken the session token of temporary credentials, or null for none
 * @param region the region, such as {@code us-east-1}
 * @param service the service's signing name, such as {@code execute-api} or {@code s3}
 */
public record AwsKeys(
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    String region,
    String service) {
  public AwsKeys {
    requireText(accessKeyId, "accessKeyId");
    requireText(secretAccessKey, "secretAccessKey");
    requireText(region, "region");
    requireText(service, "service");
    if (sessionToken != null && sessionToken.isBlank()) {
      throw new IllegalArgumentException("AWS keys: sessionToken is blank (leave it out for none)");
    }
  }

  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isBlank()) {
      throw new IllegalArgumentException("AWS keys: " + name + " is blank");
    }
  }

  @Override
  public String toString() {
    return "AwsKeys[accessKeyId="
        + accessKeyId
        + ", secretAccessKey=***, sessionToken="
        + (sessionToken == null ? "none" : "***")
        + ", region="
        + region
        + ", service="
        + service
        + "]";
  }
}
