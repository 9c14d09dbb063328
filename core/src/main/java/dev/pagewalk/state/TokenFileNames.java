package dev.pagewalk.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names for token store keys: letters, digits, {@code -} and {@code _} stay; every other byte
 * of the key's UTF-8 (a {@code /}, a {@code .}, a space) becomes {@code %XX}, so two keys never
 * share a file, no key names a path outside the directory or a hidden file, and the name is
 * readable. A key whose name would pass 120 characters keeps its first 80 and adds a hash of the
 * whole key.
 */
final class TokenFileNames {
  static final String SUFFIX = ".tokens.json";
  private static final int MAX = 120;

  private TokenFileNames() {}

  static String of(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a token store key is empty");
    }
    StringBuilder name = new StringBuilder();
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_') {
        name.append((char) c);
      } else {
        name.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    if (name.length() > MAX) {
      return name.substring(0, 80) + "~" + sha256(key).substring(0, 32) + SUFFIX;
    }
    return name + SUFFIX;
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
