package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollIntervalTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"500ms, PT0.5S", "30s, PT30S", "5m, PT5M", "1h, PT1H", "2d, PT48H"})
  void readsACountAndAUnit(String text, String expected) {
    assertThat(PollInterval.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @Test
  void refusesAnythingElseNamingTheKey() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> PollInterval.VALIDATOR.ensureValid(PagewalkConfig.POLL_INTERVAL, "1 hour"));

    assertThat(e.getMessage())
        .isEqualTo(
            "Invalid value 1 hour for configuration pagewalk.poll.interval: expected a count and"
                + " a unit: 500ms, 30s, 5m, 1h or 1d");
  }
}
