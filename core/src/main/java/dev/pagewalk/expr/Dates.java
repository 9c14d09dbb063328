package dev.pagewalk.expr;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Date built-ins. A date is plain data: an ISO-8601 string (with or without offset and millis;
 * without offset it is read in the given time zone, UTC by default) or epoch milliseconds.
 * Functions that return a date return the ISO-8601 UTC form {@code 2026-11-23T14:36:53.123Z}.
 */
final class Dates {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Dates() {}

  static String iso(Instant instant) {
    return ISO.format(instant);
  }

  static ZoneId zone(Object tz) {
    if (tz == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(ValueLimits.toText(tz, "a time zone"));
    } catch (DateTimeException e) {
      throw new EvalFailure(
          "unknown time zone '" + ValueLimits.quote(ValueLimits.toText(tz, "a time zone")) + "'");
    }
  }

  static Instant instant(Object date, ZoneId zone, String function) {
    if (date instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    if (!(date instanceof String s)) {
      throw new EvalFailure(function + " expects a date, got " + Values.typeName(date));
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return LocalDate.parse(s).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e3) {
          throw new EvalFailure("cannot read '" + ValueLimits.quote(s) + "' as a date");
        }
      }
    }
  }

  static Object formatDate(Object date, Object format, Object tz) {
    if (date == null) {
      return null;
    }
    ZoneId zone = zone(tz);
    return MomentFormat.of(Text.text(format, "formatDate"))
        .format(instant(date, zone, "formatDate").atZone(zone));
  }

  static Object parseDate(Object text, Object format, Object tz) {
    if (text == null) {
      return null;
    }
    ZoneId zone = zone(tz);
    if (format == null || text instanceof Number) {
      return iso(instant(text, zone, "parseDate"));
    }
    return iso(
        MomentFormat.of(Text.text(format, "parseDate")).parse(Text.text(text, "parseDate"), zone));
  }

  static Object add(Object date, Object amount, ChronoUnit unit) {
    if (date == null) {
      return null;
    }
    String function =
        "add" + unit.name().charAt(0) + unit.name().substring(1).toLowerCase(Locale.ROOT);
    Number n = NumberFunctions.number(amount, function);
    if (!Values.isIntegral(n)) {
      throw new EvalFailure(
          "cannot add "
              + ValueLimits.quote(n.toString())
              + " "
              + unit.name().toLowerCase(Locale.ROOT)
              + "; use a whole number");
    }
    Instant start = instant(date, ZoneOffset.UTC, "date arithmetic");
    try {
      if (!(n instanceof Long)) {
        throw new ArithmeticException();
      }
      return iso(start.atZone(ZoneOffset.UTC).plus(n.longValue(), unit).toInstant());
    } catch (DateTimeException | ArithmeticException e) {
      throw new EvalFailure(
          function
              + ": adding "
              + ValueLimits.quote(n.toString())
              + " "
              + unit.name().toLowerCase(Locale.ROOT)
              + " gives a date outside the years -999999999 to 999999999");
    }
  }
}
