package dev.pagewalk.connector;

import dev.pagewalk.InputException;
import dev.pagewalk.RunInput;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.engine.Engine;
import dev.pagewalk.engine.start.SavedOrigin;
import dev.pagewalk.engine.start.SyncStart;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.StreamPlan;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A connector run into a {@link WalkSink}, as the sync {@code syncName}: a fresh run, a replacing
 * one, or a resumed one. A resumed run continues the run the sink holds: the walks it finished are
 * counted and not run again; its unfinished walks continue from their own checkpoints, parents
 * first; the walks it spawned but never started start; and the walks of the streams without a
 * parent that it never started start — worked out as of the resumed run's start, so date windows up
 * to {@code now} are the same windows. Refusals (another sync's state, other streams, a saved
 * request leaving the spec's origins) throw {@link InputException} before anything is written.
 */
public final class ConnectorSync {
  private static final String WAYS_OUT =
      "give this one its own --sync-name, or start over with --replace";

  private ConnectorSync() {}

  /**
   * Runs the {@code streams} of {@code connector} (empty: all) and their parents into {@code sink}
   * as the sync {@code syncName} (null: the connector's name); {@code mode} says what happens to
   * what the sink holds ({@link SyncMode#APPEND}: a fresh run).
   *
   * @throws InputException for an unknown stream, invalid inputs, a sink that cannot be read or
   *     opened, or a resume the saved state does not allow, before any request is sent
   */
  public static StreamsResult sync(
      Connector connector,
      RunInput input,
      List<String> streams,
      WalkSink sink,
      SyncMode mode,
      String syncName,
      Engine.Plugins plugins) {
    Set<String> selected = StreamSelection.select(connector, streams);
    Set<String> walked = StreamSelection.closure(connector, selected);
    String name =
        SyncStart.checkName(connector.shared(), syncName == null ? connector.name() : syncName);
    SyncIdentity identity = SyncStart.identity(connector.shared(), input, name);
    Optional<WalkSink.Saved> saved =
        mode == SyncMode.REPLACE ? Optional.empty() : load(connector, sink);
    WalkSink.RunStart start =
        new WalkSink.RunStart(
            identity,
            UUID.randomUUID().toString(),
            plugins.clock().instant(),
            List.copyOf(selected));
    WriteMode writeMode =
        switch (mode) {
          case REPLACE -> WriteMode.REPLACE;
          case RESUME -> WriteMode.RESUME;
          case APPEND -> WriteMode.FULL;
        };
    if (saved.isPresent()) {
      WalkSink.RunStart was = saved.get().run();
      refuseOtherSync(connector, identity, was, mode == SyncMode.RESUME);
      if (mode == SyncMode.RESUME) {
        if (!was.streams().equals(start.streams())) {
          throw new InputException(
              connector.name()
                  + ": cannot resume: the run "
                  + was.runId()
                  + " writes the streams "
                  + String.join(",", was.streams())
                  + ", this one "
                  + String.join(",", start.streams())
                  + "; resume with --streams "
                  + String.join(",", was.streams())
                  + ", or start over with --replace");
        }
        start = new WalkSink.RunStart(identity, was.runId(), was.startedAt(), was.streams());
      }
    }
    ConnectorRun run =
        new ConnectorRun(
            connector, input, selected, walked, null, sink, identity, plugins, start.runId());
    Map<StreamPlan, Iterator<Walk>> roots =
        StreamSelection.roots(connector, input, walked, start.startedAt());
    List<Walk> resumed =
        mode == SyncMode.RESUME && saved.isPresent()
            ? resume(connector, input, walked, saved.get(), start.startedAt(), identity, run)
            : List.of();
    try {
      sink.open(writeMode, start);
    } catch (IOException e) {
      throw new InputException(connector.name() + ": cannot open the sink: " + e.getMessage());
    }
    return run.walkAll(resumed, roots, start.startedAt());
  }

  private static Optional<WalkSink.Saved> load(Connector connector, WalkSink sink) {
    try {
      return sink.load();
    } catch (InputException e) {
      throw new InputException(e.code(), connector.name() + ": " + e.getMessage());
    } catch (IOException e) {
      throw new InputException(connector.name() + ": cannot read the state: " + e.getMessage());
    }
  }

  private static void refuseOtherSync(
      Connector connector, SyncIdentity identity, WalkSink.RunStart was, boolean resume) {
    List<String> differences = identity.differencesFrom(was.identity());
    if (differences.isEmpty()) {
      return;
    }
    throw new InputException(
        connector.name()
            + (resume
                ? ": cannot resume: the state belongs to a different sync ("
                : ": the destination holds sync " + was.identity().name() + " with other inputs (")
            + String.join("; ", differences)
            + "); "
            + (resume ? "resume with that sync's inputs, " : "")
            + WAYS_OUT);
  }

  /** The number of a walk label {@code #N} (a parent record without a key); 0 for other labels. */
  private static long ordinal(String label) {
    if (label.length() < 2 || label.charAt(0) != '#') {
      return 0;
    }
    try {
      return Long.parseLong(label.substring(1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The walks to continue, parents before children: each unfinished walk from its checkpoint, each
   * spawned walk without one from its start. Walks the saved run finished are counted in {@code
   * run} as that run committed them (with their outcome) and marked known, as are all saved walks,
   * so they do not start again; the labels {@code #N} saved are taken as used.
   */
  private static List<Walk> resume(
      Connector connector,
      RunInput input,
      Set<String> walked,
      WalkSink.Saved saved,
      Instant started,
      SyncIdentity identity,
      ConnectorRun run) {
    Map<String, Map<String, Checkpoint>> rootsLeft = new HashMap<>();
    Map<String, Long> perStream = new HashMap<>();
    List<Walk> resumed = new ArrayList<>();
    for (WalkSink.SavedWalk w : saved.walks()) {
      StreamPlan stream = connector.stream(w.stream());
      if (stream == null || !walked.contains(w.stream())) {
        continue;
      }
      perStream.merge(w.stream(), ordinal(w.walk()), Math::max);
      Checkpoint cp = w.checkpoint();
      if (cp != null && !cp.resumable()) {
        run.finishedEarlier(w.stream(), w.walk(), cp, w.outcome());
        continue;
      }
      if (cp != null) {
        SavedOrigin.check(stream.plan(), identity.baseUrl(), cp.next());
      }
      run.isNew(w.stream(), w.walk());
      if (stream.parent() == null) {
        rootsLeft.computeIfAbsent(w.stream(), k -> new HashMap<>()).put(w.walk(), cp);
      } else {
        Walk walk = Walk.of(stream, w.walk(), "parent", w.parent());
        resumed.add(cp == null ? walk : walk.resumedFrom(cp));
      }
    }
    perStream.forEach(run::ordinalsUsed);
    List<Walk> roots = new ArrayList<>();
    StreamSelection.roots(connector, input, walked, started)
        .forEach(
            (stream, walks) -> {
              Map<String, Checkpoint> left = rootsLeft.getOrDefault(stream.name(), Map.of());
              while (!left.isEmpty() && walks.hasNext()) {
                Walk walk = walks.next();
                if (left.containsKey(walk.label())) {
                  Checkpoint cp = left.remove(walk.label());
                  roots.add(cp == null ? walk : walk.resumedFrom(cp));
                }
              }
            });
    Map<String, Integer> depth = new HashMap<>();
    for (StreamPlan s : connector.streams()) {
      depth.put(s.name(), s.parent() == null ? 0 : depth.getOrDefault(s.parent(), 0) + 1);
    }
    resumed.sort(Comparator.comparingInt(w -> depth.get(w.stream().name())));
    roots.addAll(resumed);
    return roots;
  }
}
