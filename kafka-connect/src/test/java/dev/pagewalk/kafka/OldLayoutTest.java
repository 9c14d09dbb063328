package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.state.SyncIdentity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a task of a new task count finds in Connect's offsets about the count before. */
class OldLayoutTest {
  private static final List<String> STREAMS = List.of("repos", "issues");

  private final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();

  private void roster(int task, int tasks, List<String> streams) {
    WalkSink.RunStart run =
        new WalkSink.RunStart(
            new SyncIdentity("org-issues", "h1", Map.of(), "http://api.test", "c1"),
            "run-" + task,
            Instant.parse("2026-01-01T00:00:00Z"),
            streams);
    Map<String, Object> offset = new HashMap<>();
    offset.put(Roster.ROSTER, new Roster(tasks, run, List.of()).toJson());
    offsets.put(Roster.partition(task), offset);
  }

  private Optional<OldLayout> found(int index, int count) {
    return OldLayout.of(new TaskShare(index, count), STREAMS, offsets::get);
  }

  @Test
  void aTaskOfFewerTasksTakesOverTheOldTasksOfItsIndexModuloTheNewCount() {
    for (int task : List.of(0, 1, 2, 4)) {
      roster(task, 5, STREAMS);
    }

    assertThat(found(0, 2).orElseThrow())
        .as("old task 3 never committed a page")
        .isEqualTo(
            new OldLayout(
                5, List.of(new TaskShare(0, 5), new TaskShare(2, 5), new TaskShare(4, 5))));
    assertThat(found(1, 2).orElseThrow().runs()).containsExactly(new TaskShare(1, 5));
    assertThat(found(1, 2).orElseThrow().readers(new TaskShare(1, 2))).containsExactly(1, 3);
  }

  @Test
  void aTaskTheNewCountAddedFindsTheOldCountInTaskZerosRosterAndHasNothingToFinish() {
    roster(0, 2, STREAMS);
    roster(1, 2, STREAMS);

    assertThat(found(2, 3)).contains(new OldLayout(2, List.of()));
    assertThat(found(2, 3).orElseThrow().readers(new TaskShare(2, 3))).containsExactly(2);
    assertThat(found(1, 3)).contains(new OldLayout(2, List.of(new TaskShare(1, 2))));
  }

  @Test
  void findsNoChangeUnderTheSameCountOrForOtherStreamsOrWithoutARoster() {
    assertThat(found(1, 2)).as("no roster").isEmpty();
    roster(0, 2, List.of("repos"));
    assertThat(found(1, 3)).as("a run of other streams starts a new run").isEmpty();
    roster(1, 3, STREAMS);
    assertThat(found(1, 3)).as("its own roster, of its own count").isEmpty();
  }
}
