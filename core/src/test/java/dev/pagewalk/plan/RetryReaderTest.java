package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.pagewalk.json.JsonConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryReaderTest {
  @Test
  void noBlockMeansTheDefaults() {
    assertThat(RetryReader.read(MissingNode.getInstance())).isSameAs(RetryPlan.DEFAULTS);
  }

  @Test
  void readsEveryFieldAndKeepsDefaultsForTheRest() throws Exception {
    RetryPlan p =
        RetryReader.read(
            JsonConfig.MAPPER.readTree(
                """
        {"on": [429, 503, "io"], "maxAttempts": 7,
         "backoff": {"initial": "250ms", "max": "2m"},
         "retryAfter": {"honor": false, "max": "90s"},
         "budget": {"retries": 40, "time": "1h"}}
        """));

    assertThat(p.statuses()).containsExactlyInAnyOrder(429, 503);
    assertThat(p.io()).isTrue();
    assertThat(p.maxAttempts()).isEqualTo(7);
    assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(250));
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.honorRetryAfter()).isFalse();
    assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(90));
    assertThat(p.budgetRetries()).isEqualTo(40);
    assertThat(p.budgetTime()).isEqualTo(Duration.ofHours(1));
    assertThat(p.emptyPageWithContinuation())
        .isEqualTo(RetryPlan.DEFAULTS.emptyPageWithContinuation());
    assertThat(p.nonIdempotent()).isEqualTo(RetryPlan.DEFAULTS.nonIdempotent());
  }

  @Test
  void anOnListWithoutIoTurnsNetworkRetriesOff() throws Exception {
    RetryPlan p = RetryReader.read(JsonConfig.MAPPER.readTree("{\"on\": [500]}"));

    assertThat(p.statuses()).containsExactly(500);
    assertThat(p.io()).isFalse();
    assertThat(p.maxAttempts()).isEqualTo(RetryPlan.DEFAULTS.maxAttempts());
  }
}
