package dev.pagewalk.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether the bytes of a JSON object or array, as an API sent them, are exactly the bytes {@link
 * JsonLinesWriter} writes for the value they decode to — so they can be copied instead of encoded
 * again. The bytes must already have been read by the decoder as one valid JSON value (this checks
 * form, not validity) without a repeated field name (which the decoded map keeps once). Canonical
 * means:
 *
 * <ul>
 *   <li>no whitespace outside strings;
 *   <li>in strings and field names, every character as UTF-8 except {@code "} and {@code \} (sent
 *       as {@code \"} and {@code \\}) and the control characters below U+0020 (sent as {@code \b}
 *       {@code \t} {@code \n} {@code \f} {@code \r}, or <code>&#92;u00XX</code> with upper-case hex
 *       for the others); no other escape ({@code \/}, <code>&#92;u00e9</code>, <code>&#92;u0041
 *       </code>), and well-formed UTF-8 (no overlong forms, no surrogates) of characters up to
 *       U+FFFF only: Jackson writes a character beyond (an emoji, say) as two escapes, <code>
 *       &#92;uD834&#92;uDD1E</code>;
 *   <li>numbers without an exponent ({@code 1e3} is written {@code 1000}) and not a negative zero
 *       ({@code -0} and {@code -0.0} are written {@code 0} and {@code 0.0}); a decimal keeps its
 *       trailing zeros ({@code 1.50}) both ways.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class CanonicalJson {
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /** Added to a byte below 0x80, sets its high bit exactly when it is at least 0x20. */
  private static final long BELOW_SPACE = 0x6060606060606060L;

  private CanonicalJson() {}

  /**
   * True when {@code bytes[from, to)} is one object or array in the form {@link JsonLinesWriter}
   * writes it; false for anything else, including a range that is not one whole value.
   */
  public static boolean isCanonical(byte[] bytes, int from, int to) {
    if (from < 0 || to > bytes.length || to - from < 2) {
      return false;
    }
    byte first = bytes[from];
    if (first != '{' && first != '[') {
      return false;
    }
    int depth = 0;
    int i = from;
    while (i < to) {
      byte b = bytes[i];
      switch (b) {
        case '{', '[' -> {
          depth++;
          i++;
        }
        case '}', ']' -> {
          depth--;
          i++;
          if (depth == 0) {
            return i == to;
          }
        }
        case ',', ':', 't', 'r', 'u', 'e', 'f', 'a', 'l', 's', 'n' -> i++;
        case '"' -> {
          i = string(bytes, i + 1, to);
          if (i < 0) {
            return false;
          }
        }
        case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
          i = number(bytes, i, to);
          if (i < 0) {
            return false;
          }
        }
        default -> {
          return false; // whitespace, or bytes that are not JSON here
        }
      }
    }
    return false;
  }

  /**
   * The index after the closing quote of the string whose content starts at {@code i}, or -1 when
   * the string is not in canonical form. Runs of plain ASCII are stepped over eight bytes at a
   * time.
   */
  private static int string(byte[] bytes, int i, int to) {
    while (true) {
      while (i + Long.BYTES <= to) {
        long notPlain = notPlainAscii((long) EIGHT_BYTES.get(bytes, i));
        if (notPlain != 0) {
          i += Long.numberOfTrailingZeros(notPlain) >>> 3;
          break;
        }
        i += Long.BYTES;
      }
      if (i >= to) {
        return -1;
      }
      int b = bytes[i] & 0xFF;
      if (b == '"') {
        return i + 1;
      }
      if (b == '\\') {
        i = escape(bytes, i + 1, to);
      } else if (b < 0x20) {
        return -1;
      } else if (b < 0x80) {
        i++;
      } else {
        i = utf8(bytes, i, b, to);
      }
      if (i < 0) {
        return -1;
      }
    }
  }

  /**
   * The high bit of each byte of {@code word} that is not plain ASCII inside a string: a quote, a
   * backslash, a control character, or a byte of a multi-byte UTF-8 sequence.
   */
  private static long notPlainAscii(long word) {
    long low7 = word & LOW_SEVEN;
    long quote = ~(((low7 ^ QUOTES) + LOW_SEVEN) | word) & HIGH_BITS;
    long backslash = ~(((low7 ^ BACKSLASHES) + LOW_SEVEN) | word) & HIGH_BITS;
    long control = ~((low7 + BELOW_SPACE) | word) & HIGH_BITS;
    return quote | backslash | control | (word & HIGH_BITS);
  }

  /** The index after an escape whose letter is at {@code i}, or -1 when not Jackson's form. */
  private static int escape(byte[] bytes, int i, int to) {
    if (i >= to) {
      return -1;
    }
    switch (bytes[i]) {
      case '"', '\\', 'b', 't', 'n', 'f', 'r':
        return i + 1;
      case 'u':
        if (i + 4 >= to || bytes[i + 1] != '0' || bytes[i + 2] != '0') {
          return -1;
        }
        int high = bytes[i + 3];
        int low = hexUpper(bytes[i + 4]);
        if ((high != '0' && high != '1') || low < 0) {
          return -1;
        }
        int c = (high - '0') * 16 + low;
        boolean shortForm = c == 0x08 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D;
        return shortForm ? -1 : i + 5;
      default:
        return -1;
    }
  }

  private static int hexUpper(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
  }

  /**
   * The index after the well-formed UTF-8 sequence of a character up to U+FFFF whose lead byte
   * {@code lead} is at {@code i}, or -1 (a stray continuation byte, an overlong form, a surrogate,
   * a character beyond U+FFFF, cut short).
   */
  private static int utf8(byte[] bytes, int i, int lead, int to) {
    int length;
    int min = 0x80;
    int max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        min = 0xA0; // overlong below U+0800
      } else if (lead == 0xED) {
        max = 0x9F; // surrogates U+D800..U+DFFF
      }
    } else {
      return -1; // beyond U+FFFF Jackson writes a surrogate pair of escapes, or not UTF-8
    }
    if (i + length > to) {
      return -1;
    }
    int second = bytes[i + 1] & 0xFF;
    if (second < min || second > max) {
      return -1;
    }
    for (int k = 2; k < length; k++) {
      int c = bytes[i + k] & 0xFF;
      if (c < 0x80 || c > 0xBF) {
        return -1;
      }
    }
    return i + length;
  }

  /**
   * The index after the number starting at {@code i}, or -1 when it has an exponent or is a
   * negative zero.
   */
  private static int number(byte[] bytes, int i, int to) {
    boolean negative = bytes[i] == '-';
    boolean nonZero = false;
    int j = negative ? i + 1 : i;
    while (j < to) {
      byte b = bytes[j];
      if (b >= '1' && b <= '9') {
        nonZero = true;
      } else if (b == 'e' || b == 'E') {
        return -1;
      } else if (b != '0' && b != '.') {
        break;
      }
      j++;
    }
    return negative && !nonZero ? -1 : j;
  }
}
