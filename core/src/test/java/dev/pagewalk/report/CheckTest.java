package dev.pagewalk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A check's outcome is a closed set, written in the report by its wire name. */
class CheckTest {
  @Test
  void writesEachOutcomeByItsWireName() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(
            json.writeValueAsString(
                new Check(
                    Check.Kind.TOTAL,
                    Check.Outcome.NOT_APPLICABLE,
                    "the spec declares no audit.total",
                    null)))
        .isEqualTo(
            "{\"name\":\"total\",\"outcome\":\"not-applicable\","
                + "\"summary\":\"the spec declares no audit.total\",\"evidence\":{}}");
    assertThat(Check.Outcome.PASS.wireName()).isEqualTo("pass");
    assertThat(Check.Outcome.FAIL.wireName()).isEqualTo("fail");
  }

  @Test
  void failedAndPassedFollowTheOutcome() {
    Check failed =
        new Check(
            Check.Kind.ORDER,
            Check.Outcome.FAIL,
            "1 page boundary broke the order",
            Map.of("violations", 1L));
    assertThat(failed.failed()).isTrue();
    assertThat(failed.passed()).isFalse();
    assertThat(new Check(Check.Kind.ORDER, Check.Outcome.NOT_APPLICABLE, "-", null).failed())
        .isFalse();
  }
}
