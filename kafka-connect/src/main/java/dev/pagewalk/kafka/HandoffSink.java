package dev.pagewalk.kafka;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;

/**
 * The sink the engine writes to: each page goes to the task's {@code poll()} through a small
 * bounded queue, so the engine is at most a few pages ahead of Kafka. The walk's last page (its
 * checkpoint is no longer {@code running}) is held back: it leaves with the walk's report, so both
 * commit in one transaction. Its checkpoint is the one the task started from (Connect's committed
 * offset), then the one after each page handed on. Used by the sync thread only.
 */
final class HandoffSink implements RecordSink {
  private final BlockingQueue<Handoff> queue;
  private Checkpoint latest;
  private Handoff.Page held;
  private long pagesThisRun;

  HandoffSink(BlockingQueue<Handoff> queue, Checkpoint committed) {
    this.queue = queue;
    this.latest = committed;
  }

  @Override
  public Optional<Checkpoint> checkpoint(String stream) {
    return Optional.ofNullable(latest);
  }

  @Override
  public void open(String stream, Checkpoint resumeFrom) {
    pagesThisRun = 0;
    held = null;
  }

  @Override
  public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
    Handoff.Page page = new Handoff.Page(records, latest, after);
    latest = after;
    pagesThisRun++;
    if (after.status() != Checkpoint.Status.RUNNING) {
      held = page;
      return;
    }
    try {
      queue.put(page);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the task is stopping");
    }
  }

  /** The walk's last page, held back for its report; null when there was none. Clears it. */
  Handoff.Page takeLastPage() {
    Handoff.Page page = held;
    held = null;
    return page;
  }

  Checkpoint latest() {
    return latest;
  }

  long pagesThisRun() {
    return pagesThisRun;
  }
}
