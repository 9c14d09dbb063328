package dev.pagewalk.expr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text built-ins. A null text gives null (or 0 / false where a number or boolean is expected);
 * numbers and booleans are used in their text form. {@code substring} and {@code indexOf} count
 * characters from 0, like JavaScript and Make's IML; {@code replace} replaces literal text.
 */
final class Text {
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final String URL_SAFE = "-_.!~*'()";

  private Text() {}

  static String text(Object value, String function) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return Values.toText(value);
    }
    throw new EvalFailure(function + " expects text, got " + Values.typeName(value));
  }

  static Object length(Object value) {
    if (value == null) {
      return 0L;
    }
    if (value instanceof List<?> l) {
      return (long) l.size();
    }
    if (value instanceof Map<?, ?> m) {
      return (long) m.size();
    }
    return (long) text(value, "length").length();
  }

  static Object lower(Object value) {
    String s = text(value, "lower");
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  static Object upper(Object value) {
    String s = text(value, "upper");
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  static Object trim(Object value) {
    String s = text(value, "trim");
    return s == null ? null : s.strip();
  }

  static Object capitalize(Object value) {
    String s = text(value, "capitalize");
    return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  static Object startcase(Object value) {
    String s = text(value, "startcase");
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean start = true;
    for (char c : s.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = Character.isWhitespace(c);
    }
    return out.toString();
  }

  static Object replace(Object value, Object find, Object replacement) {
    String s = text(value, "replace");
    return s == null ? null : s.replace(Values.toText(find), Values.toText(replacement));
  }

  static Object substring(Object value, Object start, Object end) {
    String s = text(value, "substring");
    if (s == null) {
      return null;
    }
    int from = clamp(start, s.length(), "substring");
    int to = end == null ? s.length() : clamp(end, s.length(), "substring");
    return s.substring(Math.min(from, to), Math.max(from, to));
  }

  static int clamp(Object position, int length, String function) {
    if (!(position instanceof Number n)) {
      throw new EvalFailure(function + " expects a number as position, got " + Values.typeName(position));
    }
    return (int) Math.max(0, Math.min(length, n.longValue()));
  }

  static Object indexOf(Object value, Object find, Object from) {
    String s = text(value, "indexOf");
    if (s == null) {
      return -1L;
    }
    int start = from == null ? 0 : clamp(from, s.length(), "indexOf");
    return (long) s.indexOf(Values.toText(find), start);
  }

  static Object split(Object value, Object separator) {
    String s = text(value, "split");
    if (s == null) {
      return new ArrayList<>();
    }
    String sep = Values.toText(separator);
    List<Object> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    int pos = 0;
    for (int i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, pos)) {
      out.add(s.substring(pos, i));
      pos = i + sep.length();
    }
    out.add(s.substring(pos));
    return out;
  }

  static Object contains(Object container, Object value) {
    if (container instanceof List<?> l) {
      return l.stream().anyMatch(x -> Values.equal(x, value));
    }
    if (container instanceof Map<?, ?> m) {
      return m.containsKey(Values.toText(value));
    }
    String s = text(container, "contains");
    return s != null && s.contains(Values.toText(value));
  }

  static Object encodeUrl(Object value) {
    String s = text(value, "encodeURL");
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128 && (Character.isLetterOrDigit(c) || URL_SAFE.indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  static Object decodeUrl(Object value) {
    String s = text(value, "decodeURL");
    if (s == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (lo < 0) {
          throw new EvalFailure("cannot decode URL text '" + s + "'");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static Object escapeHtml(Object value) {
    String s = text(value, "escapeHTML");
    return s == null ? null : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }

  static Object stripHtml(Object value) {
    String s = text(value, "stripHTML");
    return s == null ? null : TAG.matcher(s).replaceAll("");
  }
}
