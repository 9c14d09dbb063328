package dev.pagewalk.expr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text built-ins. A null text gives null (or 0 / false where a number or boolean is expected);
 * numbers and booleans are used in their text form. {@code substring} and {@code indexOf} count
 * characters from 0, like JavaScript and Make's IML; {@code replace} replaces literal text. Each
 * runs in time linear in its input and refuses a result beyond {@link ValueLimits}.
 */
final class Text {
  private static final String URL_SAFE = "-_.!~*'()";

  private Text() {}

  static String text(Object value, String function) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return ValueLimits.toText(value, function);
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
    return s == null || s.isEmpty()
        ? s
        : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
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
    if (s == null) {
      return null;
    }
    String f = ValueLimits.toText(find, "replace");
    String r = ValueLimits.toText(replacement, "replace");
    if (f.isEmpty()) {
      ValueLimits.text(s.length() + (s.length() + 1L) * r.length(), "replace");
      return s.replace(f, r);
    }
    long found = 0;
    for (int i = TextSearch.indexOf(s, f, 0);
        i >= 0;
        i = TextSearch.indexOf(s, f, i + f.length())) {
      found++;
    }
    long length = s.length() + found * (r.length() - (long) f.length());
    ValueLimits.text(length, "replace");
    StringBuilder out = new StringBuilder((int) length);
    int pos = 0;
    for (int i = TextSearch.indexOf(s, f, 0); i >= 0; i = TextSearch.indexOf(s, f, pos)) {
      out.append(s, pos, i).append(r);
      pos = i + f.length();
    }
    return out.append(s, pos, s.length()).toString();
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
      throw new EvalFailure(
          function + " expects a number as position, got " + Values.typeName(position));
    }
    return (int) Math.max(0, Math.min(length, ValueLimits.saturated(n)));
  }

  static Object indexOf(Object value, Object find, Object from) {
    String s = text(value, "indexOf");
    if (s == null) {
      return -1L;
    }
    int start = from == null ? 0 : clamp(from, s.length(), "indexOf");
    return (long) TextSearch.indexOf(s, ValueLimits.toText(find, "indexOf"), start);
  }

  static Object split(Object value, Object separator) {
    String s = text(value, "split");
    if (s == null) {
      return new ArrayList<>();
    }
    String sep = ValueLimits.toText(separator, "split");
    List<Object> out = new ArrayList<>();
    if (sep.isEmpty()) {
      ValueLimits.elements(s.codePointCount(0, s.length()), "split");
      s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    int pos = 0;
    for (int i = TextSearch.indexOf(s, sep, 0); i >= 0; i = TextSearch.indexOf(s, sep, pos)) {
      ValueLimits.elements(out.size() + 2L, "split");
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
      return m.containsKey(ValueLimits.toText(value, "contains"));
    }
    String s = text(container, "contains");
    return s != null && TextSearch.indexOf(s, ValueLimits.toText(value, "contains"), 0) >= 0;
  }

  static Object encodeUrl(Object value) {
    String s = text(value, "encodeURL");
    if (s == null) {
      return null;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    long length = bytes.length;
    for (byte b : bytes) {
      length += urlSafe(b) ? 0 : 2;
    }
    ValueLimits.text(length, "encodeURL");
    StringBuilder out = new StringBuilder((int) length);
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (urlSafe(b)) {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  private static boolean urlSafe(byte b) {
    char c = (char) (b & 0xff);
    return c < 128 && (Character.isLetterOrDigit(c) || URL_SAFE.indexOf(c) >= 0);
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
          throw new EvalFailure("cannot decode URL text '" + ValueLimits.quote(s) + "'");
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
    if (s == null) {
      return null;
    }
    long length = 0;
    for (int i = 0; i < s.length(); i++) {
      String entity = htmlEntity(s.charAt(i));
      length += entity == null ? 1 : entity.length();
    }
    ValueLimits.text(length, "escapeHTML");
    StringBuilder out = new StringBuilder((int) length);
    for (int i = 0; i < s.length(); i++) {
      String entity = htmlEntity(s.charAt(i));
      if (entity == null) {
        out.append(s.charAt(i));
      } else {
        out.append(entity);
      }
    }
    return out.toString();
  }

  private static String htmlEntity(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#39;";
      default -> null;
    };
  }

  static Object stripHtml(Object value) {
    String s = text(value, "stripHTML");
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length());
    int pos = 0;
    while (pos < s.length()) {
      int open = s.indexOf('<', pos);
      int close = open < 0 ? -1 : s.indexOf('>', open);
      if (close < 0) {
        break;
      }
      out.append(s, pos, open);
      pos = close + 1;
    }
    return out.append(s, pos, s.length()).toString();
  }
}
