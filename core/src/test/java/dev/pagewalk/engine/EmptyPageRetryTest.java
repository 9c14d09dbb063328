package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.cursorPage;
import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.WaitReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An empty page whose condition still asks for more is asked for once more after a backoff: a retry
 * with its event, and a fault named {@code empty-page-with-continuation} in the run's {@code
 * faults}, as the report schema and {@code docs/faults.md} promise.
 */
class EmptyPageRetryTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: empty
      baseUrl: http://api.test
      retry: {backoff: {initial: 10ms, max: 10ms, jitter: none}}
      request:
        url: /items
        response:
          iterate: "{{body.data}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  @Test
  void anEmptyPageWithContinuationIsOneRetryAndOneFault() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) ->
                json(
                    req,
                    200,
                    switch (i) {
                      case 0 -> cursorPage("c2", 1, 2);
                      case 1 -> cursorPage("c2b");
                      default -> cursorPage(null, 3);
                    }));
    List<String> retries = new ArrayList<>();
    List<String> waits = new ArrayList<>();
    RunListener listener =
        new RunListener() {
          @Override
          public void onRetry(RetryEvent retry) {
            retries.add(
                retry.request()
                    + " "
                    + retry.attempt()
                    + " "
                    + retry.cause().label()
                    + " "
                    + retry.delay().toMillis());
          }

          @Override
          public void onWait(WaitReason why, Duration duration) {
            waits.add(why + " " + duration.toMillis());
          }
        };
    RunResult r;
    try (Runner runner =
        Runner.builder().transport(t).sleeper(d -> {}).listener(listener).build()) {
      r = runner.collect(Pagewalk.parse("empty.yaml", SPEC), RunInput.empty()).result();
    }
    assertThat(r.failure()).isNull();
    assertThat(r.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    assertThat(t.uris())
        .containsExactly(
            "GET http://api.test/items",
            "GET http://api.test/items?cursor=c2",
            "GET http://api.test/items?cursor=c2");
    assertThat(
            List.of(
                r.stats().requests(),
                r.stats().paginationRequests(),
                r.stats().retries(),
                r.stats().pages(),
                r.stats().emptyPagesWithContinuation()))
        .containsExactly(3L, 1L, 1L, 2L, 1L);
    assertThat(r.stats().faults()).isEqualTo(Map.of(Fault.EMPTY_PAGE_WITH_CONTINUATION, 1L));
    assertThat(retries)
        .containsExactly("GET http://api.test/items?cursor=c2 1 empty-page-with-continuation 10");
    assertThat(waits).containsExactly("retry 10");
    assertThat(r.stats().waited()).isEqualTo(Duration.ofMillis(10));
  }
}
