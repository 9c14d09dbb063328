package dev.pagewalk.kafka;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.RunResult;
import dev.pagewalk.state.Checkpoint;
import java.util.List;

/** What the sync thread hands to the task's {@code poll()}: a page, a walk's end, or a failure. */
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

  /** A failure that the task cannot go on from (a checkpoint of another sync, an invalid input). */
  record Failed(RuntimeException error) implements Handoff {}
}
