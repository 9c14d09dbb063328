package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.cursorPage;
import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page loop folds each exchange of the request pipeline into the run's figures: waits by
 * reason, requests a transport crashed on, a cancel during a delay.
 */
class PipelineInTheLoopTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: loop
      baseUrl: http://api.test
      retry: {backoff: {initial: 50ms, max: 50ms, jitter: none}}
      request:
        url: /items
        response:
          iterate: "{{body.data}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
          delay: 200ms
      """;
  private static final String[] PAGES = {
    cursorPage("c2", 1), cursorPage("c3", 2), cursorPage(null, 3)
  };

  private RunResult run(ScriptedTransport t, dev.pagewalk.Sleeper sleeper) {
    try (Runner runner = Runner.builder().transport(t).sleeper(sleeper).readAhead(false).build()) {
      return runner.collect(Pagewalk.parse("loop.yaml", SPEC), RunInput.empty()).result();
    }
  }

  @Test
  void waitsAreCountedByReason() {
    List<Duration> slept = new ArrayList<>();
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) -> i == 1 ? json(req, 503, "{}") : json(req, 200, PAGES[i == 0 ? 0 : i - 1]));
    RunResult r = run(t, slept::add);
    assertThat(r.failure()).isNull();
    assertThat(slept)
        .containsExactly(Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofMillis(200));
    assertThat(r.stats().waited()).isEqualTo(Duration.ofMillis(450));
    assertThat(r.report().waits()).isEqualTo(Map.of("retry", 50L, "rateLimit", 0L, "delay", 400L));
    assertThat(
            List.of(
                r.stats().requests(),
                r.stats().paginationRequests(),
                r.stats().retries(),
                r.stats().pages()))
        .containsExactly(4L, 2L, 1L, 3L);
    assertThat(r.stats().faults()).isEqualTo(Map.of(new StatusFault(503), 1L));
  }

  @Test
  void aRequestTheTransportCrashedOnIsCountedAndTheRunFailsWithItsMessage() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) -> {
              if (i == 1) {
                throw new IllegalStateException("transport bug");
              }
              return json(req, 200, PAGES[i]);
            });
    RunResult r = run(t, d -> {});
    assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(r.failure()).hasMessage("loop: transport bug");
    assertThat(List.of(r.stats().requests(), r.stats().paginationRequests(), r.stats().pages()))
        .containsExactly(2L, 1L, 1L);
  }

  @Test
  void aCancelDuringThePaginationDelayCountsTheWaitButNoFurtherRequest() {
    ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, PAGES[i]));
    RunResult r =
        run(
            t,
            d -> {
              throw new InterruptedException();
            });
    Thread.interrupted();
    assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(r.failure()).hasMessage("loop: run cancelled");
    assertThat(r.failure().code()).isEqualTo(ErrorCode.CANCELLED);
    assertThat(List.of(r.stats().requests(), r.stats().paginationRequests(), r.stats().pages()))
        .containsExactly(1L, 0L, 1L);
    assertThat(r.stats().waited()).isEqualTo(Duration.ofMillis(200));
  }
}
