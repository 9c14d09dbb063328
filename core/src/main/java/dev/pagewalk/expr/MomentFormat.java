package dev.pagewalk.expr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Make/moment.js date format: tokens {@code YYYY YY MMMM MMM MM M DD D dddd ddd HH H hh h mm m ss
 * s SSS X x ZZ Z A a}, literal text in {@code [brackets]}, other characters as themselves.
 *
 * <p>Parsing reads each field greedily and never goes back into a field already read (each is an
 * atomic group), so it takes time linear in the input whatever the format. Formats are tokenized
 * and compiled once and cached; thread-safe.
 */
record MomentFormat(String text, List<String> tokens, Pattern parser) {
  private static final String[] TOKENS = {
    "YYYY", "YY", "MMMM", "MMM", "MM", "M", "DD", "D", "dddd", "ddd", "HH", "H", "hh", "h", "mm",
    "m", "ss", "s", "SSS", "X", "x", "ZZ", "Z", "A", "a"
  };
  private static final int CACHE_SIZE = 256;
  static final int MAX_LENGTH = 1000;
  private static final Map<String, MomentFormat> CACHE = new ConcurrentHashMap<>();

  static MomentFormat of(String format) {
    if (format.length() > MAX_LENGTH) {
      throw new EvalFailure(
          "a date format may have at most " + MAX_LENGTH + " characters, not " + format.length());
    }
    MomentFormat cached = CACHE.get(format);
    if (cached != null) {
      return cached;
    }
    MomentFormat compiled = compile(format);
    if (CACHE.size() < CACHE_SIZE) {
      CACHE.putIfAbsent(format, compiled);
    }
    return compiled;
  }

  private static MomentFormat compile(String format) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    outer:
    while (i < format.length()) {
      if (format.charAt(i) == '[') {
        int close = format.indexOf(']', i);
        int end = close < 0 ? format.length() : close;
        tokens.add("'" + format.substring(i + 1, end));
        i = end + 1;
        continue;
      }
      for (String t : TOKENS) {
        if (format.startsWith(t, i)) {
          tokens.add(t);
          i += t.length();
          continue outer;
        }
      }
      tokens.add("'" + format.charAt(i));
      i++;
    }
    StringBuilder regex = new StringBuilder();
    for (String token : tokens) {
      regex.append(
          token.startsWith("'")
              ? Pattern.quote(token.substring(1))
              : "(?>(" + pattern(token) + "))");
    }
    return new MomentFormat(format, List.copyOf(tokens), Pattern.compile(regex.toString()));
  }

  String format(ZonedDateTime t) {
    StringBuilder out = new StringBuilder();
    for (String token : tokens) {
      out.append(token.startsWith("'") ? token.substring(1) : field(t, token));
    }
    return out.toString();
  }

  private static String field(ZonedDateTime t, String token) {
    switch (token) {
      case "YYYY":
        return String.format("%04d", t.getYear());
      case "YY":
        return String.format("%02d", t.getYear() % 100);
      case "MMMM":
        return t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "MMM":
        return t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "MM":
        return String.format("%02d", t.getMonthValue());
      case "M":
        return String.valueOf(t.getMonthValue());
      case "DD":
        return String.format("%02d", t.getDayOfMonth());
      case "D":
        return String.valueOf(t.getDayOfMonth());
      case "dddd":
        return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "ddd":
        return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "HH":
        return String.format("%02d", t.getHour());
      case "H":
        return String.valueOf(t.getHour());
      case "hh":
        return String.format("%02d", (t.getHour() + 11) % 12 + 1);
      case "h":
        return String.valueOf((t.getHour() + 11) % 12 + 1);
      case "mm":
        return String.format("%02d", t.getMinute());
      case "m":
        return String.valueOf(t.getMinute());
      case "ss":
        return String.format("%02d", t.getSecond());
      case "s":
        return String.valueOf(t.getSecond());
      case "SSS":
        return String.format("%03d", t.getNano() / 1_000_000);
      case "X":
        return String.valueOf(t.toEpochSecond());
      case "x":
        return String.valueOf(t.toInstant().toEpochMilli());
      case "ZZ":
        return t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", "");
      case "Z":
        return t.getOffset().getId().equals("Z") ? "+00:00" : t.getOffset().getId();
      case "A":
        return t.getHour() < 12 ? "AM" : "PM";
      default:
        return t.getHour() < 12 ? "am" : "pm";
    }
  }

  Instant parse(String input, ZoneId zone) {
    Matcher m = parser.matcher(input.strip());
    if (!m.matches()) {
      throw cannotParse(input);
    }
    try {
      return fields(m, input, zone);
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw cannotParse(input);
    }
  }

  private EvalFailure cannotParse(String input) {
    return new EvalFailure(
        "cannot parse '"
            + ValueLimits.quote(input)
            + "' with format '"
            + ValueLimits.quote(text)
            + "'");
  }

  private Instant fields(Matcher m, String input, ZoneId zone) {
    int[] f = {1970, 1, 1, 0, 0, 0, 0};
    boolean pm = false;
    boolean twelve = false;
    ZoneId offset = zone;
    int group = 1;
    for (String token : tokens) {
      if (token.startsWith("'")) {
        continue;
      }
      String v = m.group(group++);
      switch (token) {
        case "X":
          return Instant.ofEpochSecond(Long.parseLong(v));
        case "x":
          return Instant.ofEpochMilli(Long.parseLong(v));
        case "YYYY":
          f[0] = Integer.parseInt(v);
          break;
        case "YY":
          f[0] = 2000 + Integer.parseInt(v);
          break;
        case "MMMM":
        case "MMM":
          f[1] = month(v, input);
          break;
        case "MM":
        case "M":
          f[1] = Integer.parseInt(v);
          break;
        case "DD":
        case "D":
          f[2] = Integer.parseInt(v);
          break;
        case "HH":
        case "H":
          f[3] = Integer.parseInt(v);
          break;
        case "hh":
        case "h":
          f[3] = Integer.parseInt(v) % 12;
          twelve = true;
          break;
        case "mm":
        case "m":
          f[4] = Integer.parseInt(v);
          break;
        case "ss":
        case "s":
          f[5] = Integer.parseInt(v);
          break;
        case "SSS":
          f[6] = Integer.parseInt(v);
          break;
        case "Z":
        case "ZZ":
          offset =
              ZoneOffset.of(
                  v.equals("Z")
                      ? "Z"
                      : v.length() == 5 ? v.substring(0, 3) + ":" + v.substring(3) : v);
          break;
        case "A":
        case "a":
          pm = v.equalsIgnoreCase("PM");
          break;
        default:
          break;
      }
    }
    LocalDateTime local =
        LocalDateTime.of(
            f[0], f[1], f[2], f[3] + (twelve && pm ? 12 : 0), f[4], f[5], f[6] * 1_000_000);
    return local.atZone(offset).toInstant();
  }

  private static String pattern(String token) {
    switch (token) {
      case "YYYY":
        return "\\d{4}";
      case "SSS":
        return "\\d{3}";
      case "X":
      case "x":
        return "-?\\d+";
      case "Z":
      case "ZZ":
        return "Z|[+-]\\d{2}:?\\d{2}";
      case "A":
      case "a":
        return "[AaPp][Mm]";
      case "MMMM":
      case "MMM":
      case "dddd":
      case "ddd":
        return "[A-Za-z]+";
      case "YY":
      case "MM":
      case "DD":
      case "HH":
      case "hh":
      case "mm":
      case "ss":
        return "\\d{2}";
      default:
        return "\\d{1,2}";
    }
  }

  private static int month(String name, String input) {
    for (java.time.Month month : java.time.Month.values()) {
      if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(name)
          || month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)) {
        return month.getValue();
      }
    }
    throw new EvalFailure(
        "cannot parse '"
            + ValueLimits.quote(input)
            + "': unknown month '"
            + ValueLimits.quote(name)
            + "'");
  }
}
