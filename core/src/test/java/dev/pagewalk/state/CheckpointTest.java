package dev.pagewalk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.RunStats;
import dev.pagewalk.StopReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkpoints on disk keep their JSON; one saved before RunStats existed still loads. */
class CheckpointTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = CheckpointTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aCheckpointSavedByTheEarlierEngineLoadsWithItsStatusAndCounts() throws IOException {
    Checkpoint cp = Checkpoint.fromJson(resource("saved-before-run-stats.json"));

    assertThat(cp.status()).isEqualTo(Checkpoint.Status.RUNNING);
    assertThat(cp.resumable()).isTrue();
    RunStats resumed = RunStats.resumedFrom(cp.counters());
    assertThat(
            new long[] {
              resumed.requests(),
              resumed.logicalRequests(),
              resumed.paginationRequests(),
              resumed.pages(),
              resumed.recordsReceived(),
              resumed.recordsEmitted(),
              resumed.recordsFiltered()
            })
        .containsExactly(
            cp.counters().get("requests"),
            cp.counters().get("logicalRequests"),
            cp.counters().get("paginationRequests"),
            cp.counters().get("pages"),
            cp.counters().get("recordsReceived"),
            cp.counters().get("recordsEmitted"),
            cp.counters().get("recordsFiltered"));
    assertThat(resumed.pages()).isEqualTo(cp.pagesDone());
  }

  @Test
  void writesTheSameJsonItRead() throws IOException {
    String saved = resource("saved-before-run-stats.json").strip();
    assertThat(Checkpoint.fromJson(saved).toJson()).isEqualTo(saved.replaceAll("\\s+", ""));
  }

  @Test
  void namesEachStatusAsTheFileHasIt() {
    assertThat(Checkpoint.Status.after(null)).isEqualTo(Checkpoint.Status.RUNNING);
    assertThat(Checkpoint.Status.after(StopReason.CONDITION_FALSE))
        .isEqualTo(Checkpoint.Status.COMPLETE);
    assertThat(Checkpoint.Status.after(StopReason.MAX_RECORDS))
        .isEqualTo(Checkpoint.Status.TRUNCATED);
    assertThat(Checkpoint.Status.after(StopReason.LOOP_DETECTED))
        .isEqualTo(Checkpoint.Status.FAILED);
    Map<Checkpoint.Status, String> wire =
        Map.of(
            Checkpoint.Status.RUNNING,
            "running",
            Checkpoint.Status.COMPLETE,
            "complete",
            Checkpoint.Status.TRUNCATED,
            "truncated",
            Checkpoint.Status.FAILED,
            "failed");
    wire.forEach((status, name) -> assertThat(status.wireName()).isEqualTo(name));
  }

  @Test
  void refusesAStatusItDoesNotKnow() {
    assertThatThrownBy(() -> Checkpoint.fromJson("{\"version\":1,\"status\":\"paused\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a pagewalk checkpoint: ");
  }
}
