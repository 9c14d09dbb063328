package dev.pagewalk.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The text of a spec file, split into lines, for source lines in diagnostics. Immutable. */
final class SourceText {
  private final String fileName;
  private final String text;
  private final List<String> lines;

  SourceText(String fileName, String text) {
    this.fileName = fileName;
    this.text = text;
    this.lines = List.of(text.split("\r\n|\r|\n", -1));
  }

  String fileName() {
    return fileName;
  }

  String text() {
    return text;
  }

  /** The 1-based line, without its line break; empty past the end. */
  String line(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }

  int lineCount() {
    return lines.size();
  }

  /** The text between two code point indexes (as SnakeYAML marks count). */
  String span(int startCodePoint, int endCodePoint) {
    int start =
        text.offsetByCodePoints(0, Math.min(startCodePoint, text.codePointCount(0, text.length())));
    int end =
        text.offsetByCodePoints(0, Math.min(endCodePoint, text.codePointCount(0, text.length())));
    return text.substring(start, end);
  }

  String sha256() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
