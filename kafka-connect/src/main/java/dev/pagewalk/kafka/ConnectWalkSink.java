package dev.pagewalk.kafka;

import dev.pagewalk.RunResult;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The walk sink of one task of a spec with streams: each commit becomes one {@link Handoff.Unit}
 * for the task's {@code poll()} (one Connect transaction), carrying the walk's checkpoint as its
 * source offset, the walks it spawned for other tasks ({@link SpawnRecord}s, when the tasks hand
 * walks to each other: {@link #takesSpawned}) and, when it changed, the task's {@link Roster} of
 * the spawned walks it runs itself. A walk's last page is held back until the walk's report is
 * known ({@link #ended}), so both leave in one transaction.
 *
 * <p>It reads what Connect committed one partition at a time ({@code offsets}): the task's roster
 * ({@link #load}; one written by another task count, or for other streams, starts a new run) and
 * each walk's checkpoint ({@link #committed}, and the spawned walks of the roster). Once this task
 * has run, it answers from what it handed on itself: whatever it handed on is committed unless the
 * task dies, and then a new task reads Connect again.
 */
final class ConnectWalkSink implements WalkSink {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectWalkSink.class);

  private record WalkId(String stream, String walk) {}

  private final TaskShare share;
  private final List<String> streams;
  private final Function<Map<String, ?>, Map<String, Object>> offsets;
  private final BlockingQueue<Handoff> queue;
  private final boolean handsOff;
  private final Map<WalkId, Checkpoint> latest = new HashMap<>();
  private final Map<WalkId, Roster.Spawned> spawned = new LinkedHashMap<>();
  private final Map<WalkId, Handoff.Unit> held = new HashMap<>();
  private RunStart run;
  private WriteMode mode;
  private boolean ranHere;
  private boolean rosterChanged;

  /**
   * The sink of the task {@code share}, whose runs write {@code streams} (as the run names them:
   * the selected streams, or all of the spec's); with {@code handsOff}, the walks its pages spawn
   * for other tasks ({@link TaskShare#owner}) leave as {@link SpawnRecord}s with the page instead
   * of running here.
   */
  ConnectWalkSink(
      TaskShare share,
      List<String> streams,
      Function<Map<String, ?>, Map<String, Object>> offsets,
      BlockingQueue<Handoff> queue,
      boolean handsOff) {
    this.share = share;
    this.streams = List.copyOf(streams);
    this.offsets = offsets;
    this.queue = queue;
    this.handsOff = handsOff;
  }

  @Override
  public synchronized Optional<Saved> load() {
    if (!ranHere) {
      Map<String, String> partition = Roster.partition(share.index());
      Roster roster = Roster.fromOffset(partition, offsets.apply(partition));
      if (roster == null) {
        return Optional.empty();
      }
      if (roster.tasks() != share.count() || !roster.run().streams().equals(streams)) {
        LOG.info(
            "task {} starts a new run: its run {} was written by {} tasks for the streams {},"
                + " it is one of {} for {}",
            share.index(),
            roster.run().runId(),
            roster.tasks(),
            roster.run().streams(),
            share.count(),
            streams);
        return Optional.empty();
      }
      run = roster.run();
      for (Roster.Spawned s : roster.spawned()) {
        WalkId id = new WalkId(s.stream(), s.walk());
        spawned.put(id, s);
        lookUp(id).ifPresent(cp -> latest.put(id, cp));
      }
    }
    if (run == null) {
      return Optional.empty();
    }
    List<SavedWalk> walks = new ArrayList<>();
    spawned.forEach(
        (id, s) -> walks.add(new SavedWalk(id.stream(), id.walk(), s.parent(), latest.get(id))));
    return Optional.of(new Saved(run, walks));
  }

  @Override
  public synchronized void open(WriteMode mode, RunStart run) {
    if (mode != WriteMode.RESUME) {
      latest.clear();
      spawned.clear();
      held.clear();
    }
    this.mode = mode;
    this.run = run;
    this.ranHere = true;
    this.rosterChanged = true;
  }

  @Override
  public boolean takes(String stream, String walk) {
    return share.takes(stream, walk);
  }

  /**
   * A spawned walk runs here when it belongs to this task, when the tasks do not hand walks to each
   * other (no Kafka address to read them back from), or when its parent record has no key: such a
   * walk is labelled by its place in this run ({@code #3}), a label another run of another task
   * gives too, so it never leaves the run (and the roster) that numbered it.
   */
  @Override
  public boolean takesSpawned(String stream, String walk) {
    return !handsOff || Keyless.label(walk) || share.owner(stream, walk) == share.index();
  }

  @Override
  public synchronized Optional<Checkpoint> committed(String stream, String walk) {
    if (mode != WriteMode.RESUME) {
      return Optional.empty();
    }
    WalkId id = new WalkId(stream, walk);
    Checkpoint known = latest.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Checkpoint> found = lookUp(id);
    found.ifPresent(cp -> latest.put(id, cp));
    return found;
  }

  /** The walk's committed checkpoint if the task's run wrote it. */
  private Optional<Checkpoint> lookUp(WalkId id) {
    Map<String, String> partition = WalkPosition.partition(id.stream(), id.walk());
    Map<String, Object> offset = offsets.apply(partition);
    Checkpoint cp = WalkPosition.checkpoint(partition, offset);
    return cp != null && run.runId().equals(offset.get(WalkPosition.RUN))
        ? Optional.of(cp)
        : Optional.empty();
  }

  @Override
  public synchronized void commit(Page page) throws IOException {
    WalkId id = new WalkId(page.stream(), page.walk());
    Checkpoint before = latest.get(id);
    latest.put(id, page.after());
    List<SpawnRecord> spawns = new ArrayList<>();
    for (Spawned s : page.spawned()) {
      if (!takesSpawned(s.stream(), s.walk())) {
        spawns.add(
            new SpawnRecord(
                share.owner(s.stream(), s.walk()),
                share.count(),
                run,
                s.stream(),
                s.walk(),
                s.parent()));
        continue;
      }
      spawned.put(
          new WalkId(s.stream(), s.walk()),
          new Roster.Spawned(s.stream(), s.walk(), s.parent(), id.stream(), id.walk(), false));
      rosterChanged = true;
    }
    boolean ends = page.after().status() != Checkpoint.Status.RUNNING;
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
    if (ends) {
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
    boolean finished = at != null && !at.resumable();
    Roster.Spawned self = spawned.get(id);
    if (self != null && finished) {
      if (held.containsKey(new WalkId(self.byStream(), self.byWalk()))) {
        spawned.put(
            id,
            new Roster.Spawned(
                self.stream(), self.walk(), self.parent(), self.byStream(), self.byWalk(), true));
      } else {
        spawned.remove(id);
        latest.remove(id);
      }
    }
    for (Iterator<Map.Entry<WalkId, Roster.Spawned>> it = spawned.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<WalkId, Roster.Spawned> e = it.next();
      Roster.Spawned s = e.getValue();
      if (s.finished() && s.byStream().equals(stream) && s.byWalk().equals(walk)) {
        it.remove();
        latest.remove(e.getKey());
      }
    }
    try {
      rosterChanged = true;
      put(unit.with(null, result));
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Handoff.RosterAt roster() {
    return new Handoff.RosterAt(
        share.index(), new Roster(share.count(), run, List.copyOf(spawned.values())).toJson());
  }

  /** Hands {@code unit} on, with the roster when it changed since the last unit. */
  private void put(Handoff.Unit unit) throws InterruptedIOException {
    Handoff.Unit out = rosterChanged ? unit.with(roster(), unit.ended()) : unit;
    rosterChanged = false;
    try {
      queue.put(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the task is stopping");
    }
  }
}
