package dev.pagewalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  static final Instant NOW = Instant.parse("1994-11-06T08:48:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "120| PT2M",
        "0| PT0S",
        " 7 | PT7S",
        // the three HTTP-date forms of RFC 9110 section 5.6.7, all naming 08:49:37 GMT
        "Sun, 06 Nov 1994 08:49:37 GMT| PT1M37S",
        "Sunday, 06-Nov-94 08:49:37 GMT| PT1M37S",
        "Sun Nov  6 08:49:37 1994| PT1M37S",
        "Sun Nov 6 08:49:37 1994| PT1M37S",
        "Sun, 06 Nov 1994 08:40:00 GMT| PT0S",
      })
  void parsesSecondsAndEveryHttpDateForm(String value, String delay) {
    assertThat(RetryAfter.parse(value, NOW)).contains(Duration.parse(delay));
  }

  @Test
  void capsSecondsBeyondALong() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW))
        .contains(Duration.ofSeconds(Long.MAX_VALUE / 1000));
  }

  @ParameterizedTest(name = "[{index}] '{0}'")
  @ValueSource(
      strings = {"", " ", "soon", "-5", "1.5", "Sun, 06 Nov 1994", "Mon, 06 Nov 1994 08:49:37 GMT"})
  void ignoresAnythingElse(String value) {
    assertThat(RetryAfter.parse(value, NOW)).isEqualTo(Optional.empty());
  }
}
