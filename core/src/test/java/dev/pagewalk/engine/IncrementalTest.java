package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncrementalTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: changes
      baseUrl: http://api.test
      limits: {maxRecords: unlimited}
      sync:
        order: [updated_at, id]
        incremental: {cursor: "{{item.updated_at}}", tieBreaker: "{{item.id}}"}
      request:
        url: /items
        qs: {updated_since: "{{state.cursor}}"}
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
      """;

  private static final String ROWS =
      "{\"data\":[{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"},"
          + "{\"id\":2,\"updated_at\":\"2026-01-02T00:00:00Z\"},"
          + "{\"id\":3,\"updated_at\":\"2026-01-02T00:00:00Z\"}]}";

  private Runner.Collected run(ScriptedTransport t, Map<String, Object> state) {
    try (Runner r = Runner.builder().transport(t).sleeper(d -> {}).build()) {
      return r.collect(Pagewalk.parse("changes.yaml", SPEC), RunInput.empty().withState(state));
    }
  }

  @Test
  void keepsTheLargestCursorAndTieBreakerAsTheWatermark() {
    ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, ROWS));
    Runner.Collected c = run(t, Map.of());
    assertThat(c.result().watermark())
        .containsEntry("cursor", "2026-01-02T00:00:00Z")
        .containsEntry("tieBreaker", 3L);
    assertThat(t.uris()).containsExactly("GET http://api.test/items");
  }

  @Test
  void theNextRunReadsFromTheWatermarkAndKeepsRecordsSharingItsCursor() {
    String next =
        "{\"data\":[{\"id\":2,\"updated_at\":\"2026-01-02T00:00:00Z\"},"
            + "{\"id\":3,\"updated_at\":\"2026-01-02T00:00:00Z\"},"
            + "{\"id\":4,\"updated_at\":\"2026-01-02T00:00:00Z\"},"
            + "{\"id\":1,\"updated_at\":\"2026-01-03T00:00:00Z\"}]}";
    ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, next));
    Runner.Collected c = run(t, Map.of("cursor", "2026-01-02T00:00:00Z", "tieBreaker", 3L));
    assertThat(t.uris())
        .containsExactly("GET http://api.test/items?updated_since=2026-01-02T00%3A00%3A00Z");
    assertThat(c.records().stream().map(OutputRecord::key).toList()).containsExactly(4L, 1L);
    assertThat(c.result().report().records()).containsEntry("alreadySynced", 2L);
  }

  @Test
  void aStateFromTheFutureReturnsNothing() {
    ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, ROWS));
    Runner.Collected c = run(t, Map.of("cursor", "2999-01-01T00:00:00Z", "tieBreaker", 0L));
    assertThat(c.records()).isEmpty();
  }

  @Test
  void failsLoudlyWhenAPageBreaksTheDeclaredOrder() {
    String unordered =
        "{\"data\":[{\"id\":2,\"updated_at\":\"2026-01-02T00:00:00Z\"},"
            + "{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"}]}";
    RunResult r =
        run(new ScriptedTransport((req, i) -> json(req, 200, unordered)), Map.of()).result();
    assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(r.failure().getMessage())
        .isEqualTo(
            "changes: record 2 of page 1 breaks the declared order [updated_at, id]:"
                + " [\"2026-01-01T00:00:00Z\",1] comes after [\"2026-01-02T00:00:00Z\",2]"
                + " (set sync.orderEnforcement: best-effort to report instead of failing)");
    assertThat(r.failure().code()).isEqualTo(ErrorCode.ORDER);
    assertThat(r.stats().recordsEmitted()).isZero();
  }

  @Test
  void recordsPastTheRunsBoundaryWaitForTheNextRun() {
    String future =
        "{\"data\":[{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"},"
            + "{\"id\":2,\"updated_at\":\"2999-01-01T00:00:00Z\"}]}";
    Runner.Collected c = run(new ScriptedTransport((req, i) -> json(req, 200, future)), Map.of());
    assertThat(c.records().stream().map(OutputRecord::key).toList()).containsExactly(1L);
    assertThat(c.result().report().records()).containsEntry("beyondBoundary", 1L);
    assertThat(List.of(c.result().watermark().get("tieBreaker"))).containsExactly(1L);
  }
}
