package dev.pagewalk.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code step} of date partitions: ISO-8601 durations and Make's short form. */
public final class StreamSteps {
  private static final Pattern SHORT_STEP = Pattern.compile("([0-9]{1,9})(m|h|d|w)");

  private StreamSteps() {}

  /**
   * {@code P1D}, {@code PT6H}, {@code P1W}, or {@code 30m}, {@code 6h}, {@code 1d}, {@code 1w};
   * null when not longer than zero or not a duration.
   */
  public static Duration parse(String text) {
    Matcher m = SHORT_STEP.matcher(text);
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
          };
    } else {
      Matcher weeks = Pattern.compile("P([0-9]+)W(.*)").matcher(text);
      try {
        d =
            weeks.matches()
                ? Duration.ofDays(7 * Long.parseLong(weeks.group(1)))
                    .plus(
                        weeks.group(2).isEmpty()
                            ? Duration.ZERO
                            : Duration.parse("P" + weeks.group(2)))
                : Duration.parse(text);
      } catch (java.time.DateTimeException | NumberFormatException e) {
        return null;
      }
    }
    return d.isZero() || d.isNegative() ? null : d;
  }
}
