package dev.pagewalk.kafka;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.RunResult;
import dev.pagewalk.state.Checkpoint;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What the sync threads hand to the task's {@code poll()}: a page, a walk's end, a read position of
 * the spawn records, or a failure.
 */
sealed interface Handoff {

  /**
   * One page's records, with the checkpoints before it (null before the walk's first page) and
   * after it.
   */
  record Page(List<OutputRecord> records, Checkpoint before, Checkpoint after) implements Handoff {
    public Page {
      records = List.copyOf(records);
    }
  }

  /**
   * A walk that ended: its last page (null when it failed or stopped without one), its result, and
   * the checkpoint it ended at (null when it never wrote a page).
   */
  record WalkEnded(Page lastPage, RunResult result, Checkpoint at) implements Handoff {}

  /**
   * One transaction of a spec with streams, in the task's run {@code run}: a page of the walk
   * {@code stream}/{@code walk} (its {@code records}, empty for a walk whose records are not
   * written, and the checkpoints {@code before} it, null before the walk's first page, and {@code
   * after} it); {@code spawns}, the walks the page spawned for other tasks; {@code roster}, the
   * run's {@link Roster} when it changed (null otherwise); and {@code ended}, the walk's result
   * when this is its end (null while it goes on). A walk that ended without a page of its own has
   * no records and {@code before} equal to {@code after}.
   */
  record Unit(
      String run,
      String stream,
      String walk,
      List<OutputRecord> records,
      Checkpoint before,
      Checkpoint after,
      List<SpawnRecord> spawns,
      RosterAt roster,
      RunResult ended)
      implements Handoff {
    public Unit {
      records = List.copyOf(records);
      spawns = List.copyOf(spawns);
    }

    Unit with(RosterAt roster, RunResult ended) {
      return new Unit(run, stream, walk, records, before, after, spawns, roster, ended);
    }

    /**
     * What carries the end of the walk {@code stream}/{@code walk} of the run {@code run}: its last
     * page, {@code held} back for it, or (when the walk ended without one: failed, or finished by
     * an earlier run) a unit without records at its checkpoint {@code at}.
     */
    static Unit last(Unit held, String run, String stream, String walk, Checkpoint at) {
      return held != null
          ? held
          : new Unit(run, stream, walk, List.of(), at, at, List.of(), null, null);
    }
  }

  /**
   * A roster as its JSON, and the task whose roster partition ({@link Roster#partition}) it is: the
   * task's own, or an old task's whose run it finishes after a change of the task count.
   */
  record RosterAt(int task, String json) {}

  /**
   * How far a task has read the spawn records addressed to it: for each partition of the topic, the
   * offset of the first record it has not finished with (every walk of the records before it has
   * ended). One transaction of its own.
   */
  record Positions(Map<TopicPartition, Long> next) implements Handoff {
    public Positions {
      next = Map.copyOf(next);
    }
  }

  /** A failure that the task cannot go on from (a checkpoint of another sync, an invalid input). */
  record Failed(RuntimeException error) implements Handoff {}
}
