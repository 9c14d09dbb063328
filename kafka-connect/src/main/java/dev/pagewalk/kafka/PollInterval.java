package dev.pagewalk.kafka;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * {@code pagewalk.poll.interval}: a count and a unit, {@code 500ms}, {@code 30s} ... {@code 1d}.
 */
final class PollInterval {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  static final ConfigDef.Validator VALIDATOR =
      new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
          if (value == null || !FORM.matcher(value.toString().trim()).matches()) {
            throw new ConfigException(
                name, value, "expected a count and a unit: 500ms, 30s, 5m, 1h or 1d");
          }
        }

        @Override
        public String toString() {
          return "a count and a unit: ms, s, m, h or d";
        }
      };

  private PollInterval() {}

  static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new ConfigException(PagewalkConfig.POLL_INTERVAL, text, "not a duration");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
