package dev.pagewalk.expr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Hashes and encodings: md5, sha*, base64, basicAuth and the content hash of {@code hash()}. */
final class Digests {
  private Digests() {}

  static Object hex(String algorithm, Object value) {
    String s = Text.text(value, algorithm.toLowerCase(Locale.ROOT).replace("-", ""));
    return s == null ? null : digest(algorithm, s);
  }

  private static String digest(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object base64(Object value) {
    String s = Text.text(value, "base64");
    return s == null
        ? null
        : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static Object base64decode(Object value) {
    String s = Text.text(value, "base64decode");
    if (s == null) {
      return null;
    }
    try {
      return new String(
          Base64.getDecoder().decode(s.replaceAll("\\s", "")), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new EvalFailure("cannot decode '" + ValueLimits.quote(s) + "' as base64");
    }
  }

  static Object basicAuth(Object user, Object password) {
    return "Basic "
        + base64(
            ValueLimits.toText(user, "basicAuth")
                + ":"
                + ValueLimits.toText(password, "basicAuth"));
  }

  static Object hash(Object args) {
    List<?> a = (List<?>) args;
    return digest("SHA-256", Json.canonical(a.size() == 1 ? a.get(0) : a));
  }
}
