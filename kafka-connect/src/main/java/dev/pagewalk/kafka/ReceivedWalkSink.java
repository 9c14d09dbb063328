package dev.pagewalk.kafka;

import dev.pagewalk.RunResult;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * The walk sink of the walks other tasks (or this one) handed to a task, one batch of {@link
 * SpawnRecord}s of one run at a time. To the engine the batch is that run resumed: {@link #load}
 * presents the batch's walks as the run's unfinished spawned walks, each with its parent record and
 * its committed checkpoint of that run (looked up in Connect's offsets; a finished one is counted
 * and not walked again), and no root walk is taken. Its pages leave as {@link Handoff.Unit}s under
 * the spawns' run id, as the parent's task would have written them; the walks they spawn in turn
 * all leave as spawn records (for this task too), so the batch never grows while it runs.
 */
final class ReceivedWalkSink implements WalkSink {
  private record WalkId(String stream, String walk) {}

  private final TaskShare share;
  private final RunStart run;
  private final Map<WalkId, SpawnRecord> batch = new LinkedHashMap<>();
  private final Function<Map<String, ?>, Map<String, Object>> offsets;
  private final BlockingQueue<Handoff> queue;
  private final Map<WalkId, Checkpoint> latest = new HashMap<>();
  private final Map<WalkId, Handoff.Unit> held = new HashMap<>();
  private boolean lookedUp;

  /**
   * The sink of {@code spawns}, all of the run {@code run}, for the task {@code share}: the task
   * they were handed to, of the task count they were written under, whose rule ({@link
   * TaskShare#owner}) routes the walks they spawn.
   */
  ReceivedWalkSink(
      TaskShare share,
      RunStart run,
      List<SpawnRecord> spawns,
      Function<Map<String, ?>, Map<String, Object>> offsets,
      BlockingQueue<Handoff> queue) {
    this.share = share;
    this.run = run;
    this.offsets = offsets;
    this.queue = queue;
    for (SpawnRecord s : spawns) {
      batch.putIfAbsent(new WalkId(s.stream(), s.walk()), s);
    }
  }

  /**
   * The batch as the run's spawned walks. The first call looks each walk up in Connect's offsets;
   * later ones (the batch run again after a failure) know what this sink handed on since.
   */
  @Override
  public synchronized Optional<Saved> load() {
    if (!lookedUp) {
      for (WalkId id : batch.keySet()) {
        Map<String, String> partition = WalkPosition.partition(id.stream(), id.walk());
        Map<String, Object> offset = offsets.apply(partition);
        Checkpoint cp = WalkPosition.checkpoint(partition, offset);
        if (cp != null && run.runId().equals(offset.get(WalkPosition.RUN))) {
          latest.put(id, cp);
        }
      }
      lookedUp = true;
    }
    List<SavedWalk> walks = new ArrayList<>();
    batch.forEach(
        (id, s) -> walks.add(new SavedWalk(id.stream(), id.walk(), s.parent(), latest.get(id))));
    return Optional.of(new Saved(run, walks));
  }

  /** Whether every walk of the batch has finished (complete, truncated or failed for good). */
  synchronized boolean allFinished() {
    return batch.keySet().stream()
        .allMatch(id -> latest.containsKey(id) && !latest.get(id).resumable());
  }

  @Override
  public void open(WriteMode mode, RunStart run) {}

  @Override
  public boolean takes(String stream, String walk) {
    return false;
  }

  @Override
  public boolean takesSpawned(String stream, String walk) {
    return false;
  }

  @Override
  public synchronized void commit(Page page) throws IOException {
    WalkId id = new WalkId(page.stream(), page.walk());
    for (Spawned s : page.spawned()) {
      if (Keyless.label(s.walk())) {
        throw new IOException(Keyless.cannotHandOff(page.stream(), s.stream()));
      }
    }
    Checkpoint before = latest.put(id, page.after());
    List<SpawnRecord> spawns = new ArrayList<>();
    for (Spawned s : page.spawned()) {
      spawns.add(
          new SpawnRecord(
              share.owner(s.stream(), s.walk()),
              share.count(),
              run,
              s.stream(),
              s.walk(),
              s.parent()));
    }
    Handoff.Unit unit =
        new Handoff.Unit(
            run.runId(),
            page.stream(),
            page.walk(),
            page.records(),
            before,
            page.after(),
            spawns,
            null,
            null);
    if (page.after().status() != Checkpoint.Status.RUNNING) {
      held.put(id, unit);
      return;
    }
    put(unit);
  }

  @Override
  public synchronized void ended(String stream, String walk, RunResult result) {
    WalkId id = new WalkId(stream, walk);
    Checkpoint at = latest.get(id);
    Handoff.Unit unit = Handoff.Unit.last(held.remove(id), run.runId(), stream, walk, at);
    try {
      put(unit.with(null, result));
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void put(Handoff.Unit unit) throws InterruptedIOException {
    try {
      queue.put(unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the task is stopping");
    }
  }
}
