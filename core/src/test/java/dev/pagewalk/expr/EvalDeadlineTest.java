package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvalDeadlineTest {
  static final String TEXT = "a".repeat(1 << 20);

  /** A clock that moves one second each time it is read: the number of reads is the test. */
  static final class SteppingClock extends Clock {
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Instant instant() {
      return Instant.EPOCH.plusSeconds(reads.getAndIncrement());
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @AfterEach
  void clear() {
    EvalDeadline.clear();
  }

  static Template template() {
    try {
      return Expr.compile("{{length(replace(body.s, 'a', 'b'))}}");
    } catch (ExpressionException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Evaluates {@code t} over {@code body} a thousand times: long enough to pass any deadline here.
   */
  static void evaluateOften(Template t, Map<String, Object> body) {
    for (int i = 0; i < 1000; i++) {
      t.evaluate(n -> n.equals("body") ? body : null);
    }
  }

  @Test
  void evaluationStopsOnceTheInjectedClockPassesTheDeadline() {
    SteppingClock clock = new SteppingClock();
    EvalDeadline.arm(clock, Duration.ofSeconds(3));
    Template t = template();
    Map<String, Object> body = Map.of("s", TEXT);

    assertThatThrownBy(() -> evaluateOften(t, body))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "expression {{length(replace(body.s, 'a', 'b'))}}: evaluation passed its deadline"
                + " (limits.timeout 3s after the page arrived)")
        .matches(e -> ((EvaluationException) e).pastDeadline());
    // armed once, then read every 65536 units of work, that is every second evaluation here
    assertThat(clock.reads.get()).isEqualTo(4);
  }

  @Test
  void theRunsDeadlineBoundsEvaluationWhenItComesFirst() {
    SteppingClock clock = new SteppingClock();
    // the run ends 2 s from the epoch; the page's own timeout would allow 40 s
    EvalDeadline.arm(
        clock, Duration.ofSeconds(40), Instant.EPOCH.plusSeconds(2), Duration.ofMinutes(90));
    Template t = template();
    Map<String, Object> body = Map.of("s", TEXT);

    assertThatThrownBy(() -> evaluateOften(t, body))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "expression {{length(replace(body.s, 'a', 'b'))}}: evaluation passed its deadline"
                + " (limits.runTimeout 1h30m of the run)");
    // armed once, then past the run's deadline at the second check
    assertThat(clock.reads.get()).isEqualTo(3);
  }

  @Test
  void thePagesTimeoutBoundsEvaluationWhenTheRunEndsLater() {
    SteppingClock clock = new SteppingClock();
    EvalDeadline.arm(
        clock, Duration.ofSeconds(3), Instant.EPOCH.plusSeconds(3600), Duration.ofHours(1));
    Template t = template();
    Map<String, Object> body = Map.of("s", TEXT);
    assertThatThrownBy(() -> evaluateOften(t, body))
        .hasMessageEndingWith("(limits.timeout 3s after the page arrived)");
  }

  @Test
  void theClockIsReadAtIntervalsNotOnEveryCall() {
    SteppingClock clock = new SteppingClock();
    EvalDeadline.arm(clock, Duration.ofSeconds(1000));
    Template t = template();
    Map<String, Object> body = Map.of("s", TEXT);
    for (int i = 0; i < 40; i++) {
      assertThat(t.evaluate(n -> n.equals("body") ? body : null)).isEqualTo(1L << 20);
    }
    // each evaluation is 32772 units: replace's three arguments (16385 + 1 + 1), length's (16385)
    assertThat(clock.reads.get()).isEqualTo(1 + 40 * 32772 / 65536);
  }

  @Test
  void withoutADeadlineNothingReadsTheClock() {
    SteppingClock clock = new SteppingClock();
    EvalDeadline.arm(clock, null);
    Template t = template();
    for (int i = 0; i < 40; i++) {
      t.evaluate(n -> n.equals("body") ? Map.of("s", TEXT) : null);
    }
    assertThat(clock.reads.get()).isZero();
    assertThat(Expr.eval("length('abc')")).isEqualTo(3L);
  }
}
