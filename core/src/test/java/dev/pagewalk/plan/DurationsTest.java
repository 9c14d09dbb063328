package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "250ms, PT0.25S",
    "40s, PT40S",
    "5m, PT5M",
    "1h, PT1H",
    "' 0s ', PT0S",
    "999999999999h, PT999999999999H"
  })
  void parsesANumberAndAUnit(String text, String expected) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "[{index}] '{0}'")
  @ValueSource(strings = {"5", "5 s", "5sec", "-5s", "1.5s", "5S", "1000000000000h", ""})
  void refusesAnythingElseNamingTheForms(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'" + text + "' is not a duration; write a number and a unit: 250ms, 40s, 5m, 1h");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "PT0.25S, 250ms",
    "PT1.5S, 1500ms",
    "PT40S, 40s",
    "PT0S, 0s",
    "PT5M, 5m",
    "PT90S, 90s",
    "PT2H, 2h",
    "PT61M, 61m"
  })
  void formatsInTheShortestExactUnit(String duration, String expected) {
    assertThat(Durations.format(Duration.parse(duration))).isEqualTo(expected);
    assertThat(Durations.parse(expected)).isEqualTo(Duration.parse(duration));
  }
}
