package dev.pagewalk.connector;

import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.StreamResult;
import dev.pagewalk.engine.Engine;
import dev.pagewalk.engine.Shared;
import dev.pagewalk.engine.WalkPages;
import dev.pagewalk.engine.start.SavedOrigin;
import dev.pagewalk.json.RecordKeys;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.StreamPlan;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.sink.RecordSink.HeldRecords;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One run of a connector's streams. The streams without a parent start one walk per partition (or
 * one); every record a parent walk delivers starts one walk of each child stream (one per stream
 * and parent key) once the page that delivered it is written. Walks run on a {@link WalkPool} under
 * the connector's shared rate limit and retry budget, each with its own paging state, stop reason,
 * counters and verdict.
 *
 * <p>Into a {@link WalkSink}, each page is committed with its walk's checkpoint and the walks it
 * spawned, so a resumed run ({@link ConnectorSync}) restarts only the walks that had not finished,
 * each from its own last page.
 */
public final class ConnectorRun {
  private final Connector connector;
  private final RunInput input;
  private final BiConsumer<String, OutputRecord> records;
  private final WalkSink sink;
  private final SyncIdentity identity;
  private final Engine.Plugins plugins;
  private final String runId;
  private final Shared shared;
  private final Map<String, StreamTally> tallies = new LinkedHashMap<>();
  private final Map<String, List<StreamPlan>> children = new HashMap<>();
  private final Set<String> spawned = new HashSet<>();
  private final Object pages = new Object();
  private final WalkPool pool;

  ConnectorRun(
      Connector connector,
      RunInput input,
      Set<String> selected,
      Set<String> walked,
      BiConsumer<String, OutputRecord> records,
      WalkSink sink,
      SyncIdentity identity,
      Engine.Plugins plugins,
      String runId) {
    this.connector = connector;
    this.runId = runId;
    this.input = input;
    this.records = records;
    this.sink = sink;
    this.identity = identity;
    this.plugins = plugins;
    this.shared = Shared.of(connector.shared(), input.limits(), plugins.clock());
    for (StreamPlan s : connector.streams()) {
      if (walked.contains(s.name())) {
        tallies.put(s.name(), new StreamTally(s.name(), s.parent(), selected.contains(s.name())));
        if (s.parent() != null) {
          children.computeIfAbsent(s.parent(), k -> new ArrayList<>()).add(s);
        }
      }
    }
    this.pool = new WalkPool(connector.concurrency(), connector.name());
  }

  /**
   * Runs the {@code streams} of {@code connector} (empty: all) and their parents, handing each
   * record with its stream's name to {@code records}; keeps no state.
   *
   * @throws InputException for an unknown stream, invalid inputs or partitions that cannot be
   *     worked out, before any request is sent
   */
  public static StreamsResult run(
      Connector connector,
      RunInput input,
      List<String> streams,
      BiConsumer<String, OutputRecord> records,
      Engine.Plugins plugins) {
    Set<String> selected = StreamSelection.select(connector, streams);
    Set<String> walked = StreamSelection.closure(connector, selected);
    Instant started = plugins.clock().instant();
    Map<StreamPlan, Iterator<Walk>> roots =
        StreamSelection.roots(connector, input, walked, started);
    ConnectorRun run =
        new ConnectorRun(
            connector,
            input,
            selected,
            walked,
            records,
            null,
            null,
            plugins,
            UUID.randomUUID().toString());
    return run.walkAll(List.of(), roots, started);
  }

  /**
   * Runs {@code resumed} (walks an earlier run left unfinished, parents first), then the walks of
   * {@code roots} not yet known to the run, then every walk they spawn; the result once all ended.
   */
  StreamsResult walkAll(
      List<Walk> resumed, Map<StreamPlan, Iterator<Walk>> roots, Instant started) {
    boolean cancelled = false;
    boolean ended = false;
    try {
      for (Walk walk : resumed) {
        plugins.listener().onWalkQueued(walk.stream().name());
        pool.add(() -> walk(walk));
      }
      for (Iterator<Walk> walks : roots.values()) {
        while (walks.hasNext()) {
          Walk walk = walks.next();
          if (sink != null && !sink.takes(walk.stream().name(), walk.label())) {
            continue;
          }
          if (isNew(walk.stream().name(), walk.label())) {
            Walk from = fromCommitted(walk);
            if (from != null) {
              plugins.listener().onWalkQueued(walk.stream().name());
              pool.add(() -> walk(from));
            }
          }
        }
      }
      pool.awaitAll();
      ended = true;
    } catch (InterruptedException e) {
      cancelled = true;
    } finally {
      if (!ended) {
        // never while a page is committed: a walk interrupted in a file write would close the file
        synchronized (pages) {
          pool.cancel();
        }
      }
      pool.close();
    }
    if (cancelled) {
      Thread.currentThread().interrupt();
    }
    return result(started, plugins.clock().instant());
  }

  /**
   * {@code walk} as the sink's {@link WalkSink#committed} has it: from its checkpoint, or null when
   * it finished (counted as ended earlier).
   */
  private Walk fromCommitted(Walk walk) {
    if (sink == null) {
      return walk;
    }
    Checkpoint cp;
    try {
      cp = sink.committed(walk.stream().name(), walk.label()).orElse(null);
    } catch (IOException e) {
      throw new InputException(
          connector.name()
              + ": cannot read the state of "
              + walk.stream().name()
              + " walk "
              + walk.label()
              + ": "
              + e.getMessage());
    }
    if (cp == null) {
      return walk;
    }
    if (!cp.resumable()) {
      finishedEarlier(walk.stream().name(), walk.label(), cp, null);
      return null;
    }
    SavedOrigin.check(walk.stream().plan(), identity.baseUrl(), cp.next());
    return walk.resumedFrom(cp);
  }

  /** Marks the walk {@code stream}/{@code label} as known; false when it already was. */
  boolean isNew(String stream, String label) {
    synchronized (pages) {
      return spawned.add(stream + "\n" + label);
    }
  }

  /**
   * Counts a walk an earlier run finished, as its {@code outcome} says it ended (null: as its last
   * checkpoint says).
   */
  void finishedEarlier(String stream, String label, Checkpoint last, WalkSink.Outcome outcome) {
    isNew(stream, label);
    tallies.get(stream).endedEarlier(label, last, outcome);
  }

  /** Takes {@code n} walk labels {@code #1}..{@code #n} of {@code stream} as used. */
  void ordinalsUsed(String stream, long n) {
    tallies.get(stream).ordinalsUsed(n);
  }

  StreamTally tally(String stream) {
    return tallies.get(stream);
  }

  private void walk(Walk walk) {
    StreamTally tally = tallies.get(walk.stream().name());
    StopReason spent = shared.caps().spent();
    if (spent != null) {
      tally.notStarted(walk.label(), spent);
      return;
    }
    List<StreamPlan> kids = children.getOrDefault(walk.stream().name(), List.of());
    LastPage last = new LastPage();
    RunResult result =
        Engine.walk(
            walk.stream().plan(),
            input,
            walk.variables(),
            shared,
            new WalkPages() {
              @Override
              public void write(List<OutputRecord> page, Supplier<Checkpoint> after)
                  throws IOException {
                page(walk, tally, kids, page, after, last);
              }

              @Override
              public boolean readBack(Checkpoint upTo, HeldRecords held) throws IOException {
                return sink != null
                    && sink.readBack(walk.stream().name(), walk.label(), upTo, held);
              }
            },
            walk.from(),
            identity,
            forWalk(walk));
    WalkSink.Page held = last.take();
    if (held != null) {
      try {
        commitAndStart(LastPage.withOutcome(held, result));
      } catch (IOException e) {
        tally.notCommitted(
            walk.label(),
            result,
            result.stats().recordsEmitted() - held.records().size(),
            walk.stream().plan().name() + ": writing to the sink failed: " + e.getMessage());
        return;
      }
    }
    tally.ended(walk.label(), result);
    if (sink != null) {
      sink.ended(walk.stream().name(), walk.label(), result);
    }
  }

  /** The plug-ins of {@code walk}: the run's, with the listener of that walk. */
  private Engine.Plugins forWalk(Walk walk) {
    return new Engine.Plugins(
        plugins.transport(),
        plugins.clock(),
        plugins.sleeper(),
        plugins.listener().forWalk(runId, walk.stream().name(), walk.label()),
        plugins.correlationHeader(),
        plugins.readAhead(),
        plugins.tokenStore());
  }

  /**
   * Writes one page of {@code walk} — its records, and in a sink its checkpoint and the walks it
   * spawned, as one commit — and then starts the spawned walks the sink takes ({@link
   * WalkSink#takesSpawned}). A page the walk ends with is held in {@code last} instead, to be
   * committed with the walk's outcome when the walk returns.
   */
  private void page(
      Walk walk,
      StreamTally tally,
      List<StreamPlan> kids,
      List<OutputRecord> page,
      Supplier<Checkpoint> after,
      LastPage last)
      throws IOException {
    List<WalkSink.Spawned> started = new ArrayList<>();
    WalkSink.Page unit;
    synchronized (pages) {
      for (OutputRecord record : page) {
        for (StreamPlan kid : kids) {
          String label =
              record.key() == null
                  ? tallies.get(kid.name()).nextOrdinal()
                  : RecordKeys.canonical(record.key());
          if (spawned.add(kid.name() + "\n" + label)) {
            started.add(new WalkSink.Spawned(kid.name(), label, record.value()));
          }
        }
      }
      if (sink == null) {
        if (tally.selected()) {
          page.forEach(r -> records.accept(tally.name(), r));
        }
        unit = null;
      } else {
        unit =
            new WalkSink.Page(
                tally.name(),
                walk.label(),
                tally.selected() ? page : List.of(),
                after.get(),
                started);
      }
    }
    if (unit == null) {
      start(started);
      return;
    }
    WalkSink.Page before = last.take();
    if (before != null) {
      commitAndStart(before);
    }
    if (unit.after().status() != Checkpoint.Status.RUNNING) {
      last.hold(unit);
      return;
    }
    commitAndStart(unit);
  }

  /**
   * Commits {@code page} as one unit, then starts the walks it spawned. A cancel (interrupt) that
   * arrives with the page does not cut its commit short — an interruptible sink (a file channel)
   * would otherwise fail half way and stay closed — and stays pending for the walk's next request.
   */
  private void commitAndStart(WalkSink.Page page) throws IOException {
    synchronized (pages) {
      boolean cancelled = Thread.interrupted();
      try {
        sink.commit(page);
      } finally {
        if (cancelled) {
          Thread.currentThread().interrupt();
        }
      }
    }
    start(page.spawned());
  }

  private void start(List<WalkSink.Spawned> spawnedWalks) {
    for (WalkSink.Spawned s : spawnedWalks) {
      if (sink != null && !sink.takesSpawned(s.stream(), s.walk())) {
        continue;
      }
      Walk child = Walk.of(connector.stream(s.stream()), s.walk(), "parent", s.parent());
      plugins.listener().onWalkQueued(s.stream());
      pool.addFromWalk(() -> walk(child));
    }
  }

  private StreamsResult result(Instant started, Instant ended) {
    Map<String, Verdict> verdicts = new HashMap<>();
    List<StreamResult> out = new ArrayList<>();
    Verdict run = Verdict.COMPLETE;
    for (StreamTally tally : tallies.values()) {
      StreamResult s = tally.result(tally.parent() == null ? null : verdicts.get(tally.parent()));
      verdicts.put(s.name(), s.verdict());
      out.add(s);
      run = Verdicts.weaker(run, s.verdict());
    }
    return new StreamsResult(runId, connector.name(), run, started, ended, out);
  }
}
