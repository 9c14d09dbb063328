package dev.pagewalk.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Parses {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3) in any of its
 * three forms (section 5.6.7): IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), and the
 * obsolete RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime ({@code Sun Nov 6 08:49:37
 * 1994}) forms.
 */
final class RetryAfter {
  // HttpClient's DateUtils.parseStandardDate reads IMF-fixdate, but neither obsolete form: its
  // RFC 1036 pattern wants an abbreviated day name and reads "94" as 2094 (whose 6 November is no
  // Sunday), and its asctime pattern carries no zone (RetryAfterTest shows both). These two do.
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private RetryAfter() {}

  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1000));
      }
    }
    return httpDate(v, now)
        .map(
            at -> {
              Duration d = Duration.between(now, at);
              return d.isNegative() ? Duration.ZERO : d;
            });
  }

  private static Optional<Instant> httpDate(String v, Instant now) {
    Instant imf = DateUtils.parseStandardDate(v);
    if (imf != null) {
      return Optional.of(imf);
    }
    try {
      return Optional.of(rfc850(now).parse(v, Instant::from));
    } catch (DateTimeParseException e) {
      // not RFC 850; try asctime
    }
    try {
      return Optional.of(ASCTIME.parse(v.replaceAll(" +", " "), Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * RFC 850 dates: a two-digit year more than 50 years in the future means the most recent past
   * year with those digits (RFC 9110 section 5.6.7).
   */
  private static DateTimeFormatter rfc850(Instant now) {
    LocalDate base = LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(49);
    return new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, base)
        .appendPattern(" HH:mm:ss 'GMT'")
        .toFormatter(Locale.US)
        .withZone(ZoneOffset.UTC);
  }
}
