package dev.pagewalk.engine.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.plan.RetryPlan;
import dev.pagewalk.plan.SyncPlan;
import org.junit.jupiter.api.Test;

class StatusesTest {
  private final Statuses statuses = new Statuses(RetryPlan.DEFAULTS, SyncPlan.NONE);

  @Test
  void answersEachQuestionAboutAStatus() {
    assertThat(statuses.retried(503)).isTrue();
    assertThat(statuses.retried(404)).isFalse();
    assertThat(statuses.expiredCursor(410)).isTrue();
    assertThat(statuses.expiredCursor(404)).isFalse();
    assertThat(statuses.accepted(204)).isTrue();
    assertThat(statuses.accepted(304)).isTrue();
    assertThat(statuses.accepted(404)).isFalse();
    assertThat(statuses.parsedOnArrival(200)).isTrue();
    assertThat(statuses.parsedOnArrival(304)).isFalse();
  }

  @Test
  void aRetried2xxIsNotParsedOnArrival() {
    RetryPlan d = RetryPlan.DEFAULTS;
    RetryPlan on202 =
        new RetryPlan(
            java.util.Set.of(202),
            d.io(),
            d.maxAttempts(),
            d.initialBackoff(),
            d.maxBackoff(),
            d.jitter(),
            d.honorRetryAfter(),
            d.maxRetryAfter(),
            d.emptyPageWithContinuation(),
            d.nonIdempotent(),
            d.budgetRetries(),
            d.budgetTime());
    Statuses s = new Statuses(on202, SyncPlan.NONE);
    assertThat(s.parsedOnArrival(202)).isFalse();
    assertThat(s.retried(202)).isTrue();
  }
}
