package dev.pagewalk.json;

import java.util.Random;

/**
 * Random JSON objects whose every token is written, now and then, in a form other than Jackson's:
 * whitespace, escapes Jackson does not write, exponents, negative zeros. Field names never repeat.
 */
final class RandomJson {
  private static final String[] TEXTS = {"a", "Zoë", "☃", "𝄞", "😀", "\u2028", "x y", "\u007f"};

  private RandomJson() {}

  static void object(Random r, StringBuilder out, int depth) {
    out.append('{');
    int fields = r.nextInt(depth == 0 ? 6 : 3) + (depth == 0 ? 1 : 0);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        out.append(',');
      }
      space(r, out);
      string(r, out, "k" + i);
      space(r, out);
      out.append(':');
      space(r, out);
      value(r, out, depth + 1);
      space(r, out);
    }
    out.append('}');
  }

  private static void value(Random r, StringBuilder out, int depth) {
    int kind = r.nextInt(depth > 3 ? 6 : 8);
    switch (kind) {
      case 0 -> out.append(r.nextBoolean() ? "true" : r.nextBoolean() ? "false" : "null");
      case 1 -> integer(r, out);
      case 2 -> decimal(r, out);
      case 3, 4, 5 -> string(r, out, "");
      case 6 -> object(r, out, depth);
      default -> {
        out.append('[');
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          space(r, out);
          value(r, out, depth + 1);
        }
        out.append(']');
      }
    }
  }

  private static void space(Random r, StringBuilder out) {
    if (r.nextInt(60) == 0) {
      out.append(" \n\t\r".charAt(r.nextInt(4)));
    }
  }

  private static void integer(Random r, StringBuilder out) {
    switch (r.nextInt(30)) {
      case 0 -> out.append("-0");
      case 1 -> out.append("123456789012345678901234567890");
      case 2 -> out.append(r.nextInt(9) + 1).append("e").append(r.nextInt(5));
      default -> out.append(r.nextInt(2001) - 1000);
    }
  }

  private static void decimal(Random r, StringBuilder out) {
    String digits = (r.nextBoolean() ? "-" : "") + r.nextInt(100) + "." + r.nextInt(1000);
    switch (r.nextInt(30)) {
      case 0 -> out.append("-0.0");
      case 1 -> out.append(digits).append(r.nextBoolean() ? "E-" : "e+").append(r.nextInt(4));
      case 2 -> out.append("0.000").append(r.nextInt(9));
      default -> out.append(digits).append(r.nextBoolean() ? "0" : "");
    }
  }

  private static void string(Random r, StringBuilder out, String prefix) {
    out.append('"').append(prefix);
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(40)) {
        case 0 -> out.append("\\/");
        case 1 -> out.append("\\u00e9");
        case 2 -> out.append("\\u001f");
        case 3 -> out.append("\\u000A");
        case 4, 5 -> out.append("\\\"");
        case 6, 7 -> out.append("\\\\");
        case 8, 9 -> out.append("\\n");
        case 10 -> out.append("\\u0001");
        case 11 -> out.append("\\u001F");
        case 12 -> out.append("\\t");
        default -> out.append(TEXTS[r.nextInt(TEXTS.length)]);
      }
    }
    out.append('"');
  }
}
