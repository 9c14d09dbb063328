package dev.pagewalk.connector;

import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner.StreamResult;
import dev.pagewalk.Runner.StreamsResult;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.Engine;
import dev.pagewalk.json.RecordKeys;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.StreamPlan;
import dev.pagewalk.report.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * One run of a connector's streams. The streams without a parent start one walk per partition (or
 * one); every record a parent walk delivers starts one walk of each child stream, at once. Walks
 * run on a {@link WalkPool} under the connector's shared rate limit and retry budget, each with its
 * own paging state, stop reason, counters and verdict.
 */
public final class ConnectorRun {
  private final Connector connector;
  private final RunInput input;
  private final BiConsumer<String, OutputRecord> records;
  private final Engine.Plugins plugins;
  private final Engine.Shared shared;
  private final Map<String, StreamTally> tallies = new LinkedHashMap<>();
  private final Map<String, List<StreamPlan>> children = new HashMap<>();
  private final WalkPool pool;

  private ConnectorRun(
      Connector connector,
      RunInput input,
      Set<String> selected,
      Set<String> walked,
      BiConsumer<String, OutputRecord> records,
      Engine.Plugins plugins) {
    this.connector = connector;
    this.input = input;
    this.records = records;
    this.plugins = plugins;
    this.shared = Engine.Shared.of(connector.shared(), input.limits(), plugins.clock());
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
   * Runs the {@code streams} of {@code connector} (empty: all) and their parents.
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
    Set<String> selected = select(connector, streams);
    Set<String> walked = closure(connector, selected);
    Instant started = plugins.clock().instant();
    Map<StreamPlan, Iterator<Walk>> roots = new LinkedHashMap<>();
    for (StreamPlan s : connector.streams()) {
      if (s.parent() == null && walked.contains(s.name())) {
        Map<String, Object> variables = Map.of("stream", Map.of("name", s.name()));
        roots.put(s, Partitions.of(s, Engine.inputs(s.plan(), input, started, variables)));
      }
    }
    ConnectorRun run = new ConnectorRun(connector, input, selected, walked, records, plugins);
    try (WalkPool pool = run.pool) {
      for (Iterator<Walk> walks : roots.values()) {
        while (walks.hasNext()) {
          Walk walk = walks.next();
          plugins.listener().onWalkQueued(walk.stream().name());
          pool.add(() -> run.walk(walk));
        }
      }
      pool.awaitAll();
    } catch (InterruptedException e) {
      run.pool.cancel();
      Thread.currentThread().interrupt();
    }
    return run.result(started, plugins.clock().instant());
  }

  private void walk(Walk walk) {
    StreamTally tally = tallies.get(walk.stream().name());
    StopReason spent = shared.caps().spent();
    if (spent != null) {
      tally.notStarted(walk.label(), spent);
      return;
    }
    List<StreamPlan> kids = children.getOrDefault(walk.stream().name(), List.of());
    RunResult result =
        Engine.walk(
            walk.stream().plan(),
            input,
            walk.variables(),
            shared,
            record -> delivered(tally, kids, record),
            plugins);
    tally.ended(walk.label(), result);
  }

  private void delivered(StreamTally tally, List<StreamPlan> kids, OutputRecord record) {
    if (tally.selected()) {
      synchronized (records) {
        records.accept(tally.name(), record);
      }
    }
    for (StreamPlan kid : kids) {
      String label =
          record.key() == null
              ? tallies.get(kid.name()).nextOrdinal()
              : RecordKeys.canonical(record.key());
      Walk child = Walk.of(kid, label, "parent", record.value());
      plugins.listener().onWalkQueued(kid.name());
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
    return new StreamsResult(
        UUID.randomUUID().toString(), connector.name(), run, started, ended, out);
  }

  static Set<String> select(Connector connector, List<String> streams) {
    Set<String> selected = new LinkedHashSet<>();
    for (String name : streams.isEmpty() ? connector.streamNames() : streams) {
      if (connector.stream(name) == null) {
        throw new InputException(
            connector.name()
                + ": no stream named '"
                + name
                + "'; its streams are "
                + String.join(", ", connector.streamNames()));
      }
      selected.add(name);
    }
    return selected;
  }

  /** The selected streams and every parent they need. */
  static Set<String> closure(Connector connector, Set<String> selected) {
    Set<String> all = new LinkedHashSet<>();
    for (String name : selected) {
      for (StreamPlan s = connector.stream(name); s != null; ) {
        all.add(s.name());
        s = s.parent() == null ? null : connector.stream(s.parent());
      }
    }
    return all;
  }
}
