package dev.pagewalk.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The task count the connector had before {@code tasks.max} changed, as a task of the new count
 * finds it in Connect's offsets, and the runs of that count's tasks it finishes first: task {@code
 * j} of {@code N} takes the old tasks {@code k < tasks} with {@code k mod N == j}, each whose
 * roster was written under {@code tasks} for the same streams ({@code runs}, each the old task's
 * share). An old task that never committed a page has no roster and nothing to finish. Immutable.
 *
 * @param tasks the old task count
 * @param runs the shares of the old tasks whose runs this task finishes, in index order
 */
record OldLayout(int tasks, List<TaskShare> runs) {

  OldLayout {
    runs = List.copyOf(runs);
  }

  /**
   * The old layout task {@code share} finds: its own roster, or task 0's when it has none, written
   * under another task count for the same {@code streams}; empty when there is none (no roster, the
   * same count, or other streams: a new run then starts, as it always did for other streams).
   */
  static Optional<OldLayout> of(
      TaskShare share,
      List<String> streams,
      Function<Map<String, ?>, Map<String, Object>> offsets) {
    Roster seen = roster(share.index(), offsets);
    if (seen == null && share.index() != 0) {
      seen = roster(0, offsets);
    }
    if (seen == null || seen.tasks() == share.count() || !seen.run().streams().equals(streams)) {
      return Optional.empty();
    }
    int tasks = seen.tasks();
    List<TaskShare> runs = new ArrayList<>();
    for (int k = share.index(); k < tasks; k += share.count()) {
      Roster old = roster(k, offsets);
      if (old != null && old.tasks() == tasks && old.run().streams().equals(streams)) {
        runs.add(new TaskShare(k, tasks));
      }
    }
    return Optional.of(new OldLayout(tasks, runs));
  }

  /**
   * The tasks whose read positions of the spawn records task {@code share} starts from: itself and
   * the old tasks it takes over ({@code k < tasks}, {@code k mod N == j}), roster or not.
   */
  List<Integer> readers(TaskShare share) {
    List<Integer> out = new ArrayList<>();
    for (int k = share.index(); k < tasks || k == share.index(); k += share.count()) {
      out.add(k);
    }
    return out;
  }

  private static Roster roster(int task, Function<Map<String, ?>, Map<String, Object>> offsets) {
    Map<String, String> partition = Roster.partition(task);
    return Roster.fromOffset(partition, offsets.apply(partition));
  }
}
