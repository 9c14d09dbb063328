package dev.pagewalk.http;

import java.util.Arrays;
import java.util.Objects;

/** A request body as bytes plus the Content-Type that describes them. */
public record EncodedBody(byte[] bytes, String contentType) {
  public EncodedBody {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(contentType, "contentType");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedBody b
        && Arrays.equals(b.bytes, bytes)
        && b.contentType.equals(contentType);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + contentType.hashCode();
  }

  @Override
  public String toString() {
    return contentType + " (" + bytes.length + " bytes)";
  }
}
