package dev.pagewalk.conformance.livedata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque continuation token of the token, next-url and link styles: base64url of {@code
 * v1|<sort value>|<id>} ("after this record") or {@code v1|start}, plus a request-number nonce on
 * empty pages so a token never repeats while the position does.
 */
final class Cursor {
  private static final String VERSION = "v1";

  private Cursor() {}

  static String encode(Optional<SortKey> after, Integer nonce) {
    String position = after.map(k -> k.primary() + "|" + k.seq()).orElse("start");
    String text = VERSION + "|" + position + (nonce == null ? "" : "|r" + nonce);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<SortKey> decode(String token, String paramName) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
    } catch (IllegalArgumentException e) {
      throw malformed(paramName, token);
    }
    if (parts.length < 2 || !parts[0].equals(VERSION)) {
      throw malformed(paramName, token);
    }
    if (parts[1].equals("start")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SortKey(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
    } catch (RuntimeException e) {
      throw malformed(paramName, token);
    }
  }

  private static BadRequestException malformed(String paramName, String token) {
    return new BadRequestException("malformed " + paramName + ": " + token);
  }
}
