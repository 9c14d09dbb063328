package dev.pagewalk.connector;

import dev.pagewalk.RunInput;
import dev.pagewalk.Runner.Estimate;
import dev.pagewalk.Runner.StreamEstimate;
import dev.pagewalk.engine.Engine;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.StreamPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Estimates a run of a connector's streams before it is made: one probe per walk of a small sample
 * ({@value #SAMPLE} partitions of a stream without a parent, {@value #SAMPLE} records of a child
 * stream's parent, spread over the parent's first page) reads one page each, and each stream's
 * requests and records are its walks times the sample's mean. {@link Stops} adds them up, works out
 * the wall time from the probes' latency, {@code concurrency} and {@code rateLimit}, and says which
 * cap or deadline the run would reach.
 */
public final class Planner {
  static final int SAMPLE = 3;

  private Planner() {}

  /**
   * Estimates the run of {@code streams} (empty: all) of {@code connector} and their parents.
   *
   * @throws dev.pagewalk.InputException for an unknown stream, invalid inputs or partitions that
   *     cannot be worked out, before any request is sent
   */
  public static Estimate estimate(
      Connector connector, RunInput input, List<String> streams, Engine.Plugins plugins) {
    Set<String> walked = ConnectorRun.closure(connector, ConnectorRun.select(connector, streams));
    Limits limits = connector.shared().limits().with(input.limits());
    Engine.Shared shared =
        Engine.Shared.of(connector.shared(), Probe.overrides(input), plugins.clock());
    Map<String, Sampled> done = new HashMap<>();
    List<StreamEstimate> out = new ArrayList<>();
    List<Probe> all = new ArrayList<>();
    List<String> capped = new ArrayList<>();
    for (StreamPlan s : connector.streams()) {
      if (!walked.contains(s.name())) {
        continue;
      }
      Sampled sampled =
          s.parent() == null
              ? roots(s, input, shared, plugins, limits)
              : children(s, done.get(s.parent()), input, shared, plugins, limits);
      done.put(s.name(), sampled);
      all.addAll(sampled.probes());
      out.add(sampled.estimate());
      if (sampled.paginationCapped()) {
        capped.add(s.name());
      }
    }
    return Stops.of(connector, limits, out, all, capped);
  }

  /** A stream's estimate, the probes it came from and the records its first probe delivered. */
  private record Sampled(StreamEstimate estimate, List<Probe> probes, boolean paginationCapped) {
    List<Object> records() {
      return probes.isEmpty() ? List.of() : probes.get(0).delivered();
    }
  }

  private static Sampled roots(
      StreamPlan s, RunInput input, Engine.Shared shared, Engine.Plugins plugins, Limits limits) {
    Map<String, Object> variables = Map.of("stream", Map.of("name", s.name()));
    Iterator<Walk> walks =
        Partitions.of(s, Engine.inputs(s.plan(), input, plugins.clock().instant(), variables));
    List<Walk> sample = new ArrayList<>();
    long count = 0;
    while (walks.hasNext()) {
      Walk w = walks.next();
      if (sample.size() < SAMPLE) {
        sample.add(w);
      }
      count++;
    }
    String what = s.partitions() == null ? "" : count + " partitions, a sample of ";
    return sampled(s, count, sample, what, input, shared, plugins, limits);
  }

  private static Sampled children(
      StreamPlan s,
      Sampled parent,
      RunInput input,
      Engine.Shared shared,
      Engine.Plugins plugins,
      Limits limits) {
    if (parent.estimate().failure() != null) {
      return new Sampled(
          new StreamEstimate(s.name(), s.parent(), 0, 0, 0, "its parent could not be probed", null),
          List.of(),
          false);
    }
    List<Object> records = parent.records();
    List<Walk> sample = new ArrayList<>();
    int n = Math.min(SAMPLE, records.size());
    for (int i = 0; i < n; i++) {
      int at = n == 1 ? 0 : (int) ((long) i * (records.size() - 1) / (n - 1));
      sample.add(Walk.of(s, "#" + (at + 1), "parent", records.get(at)));
    }
    String what = "one per " + s.parent() + " record, a sample of ";
    return sampled(s, parent.estimate().records(), sample, what, input, shared, plugins, limits);
  }

  private static Sampled sampled(
      StreamPlan s,
      long walks,
      List<Walk> sample,
      String what,
      RunInput input,
      Engine.Shared shared,
      Engine.Plugins plugins,
      Limits limits) {
    List<Probe> probes = new ArrayList<>();
    double requests = 0;
    double records = 0;
    boolean capped = false;
    String basis = "no walks";
    for (Walk w : sample) {
      Probe p = Probe.of(w, input, shared, plugins);
      probes.add(p);
      if (p.failure() != null) {
        return new Sampled(
            new StreamEstimate(s.name(), s.parent(), walks, walks, 0, "probe failed", p.failure()),
            probes,
            false);
      }
      WalkGuess g = WalkGuess.of(p, limits.maxPaginationRequests());
      requests += g.requests();
      records += g.records();
      capped |= g.paginationCapped();
      basis = g.basis();
    }
    if (!sample.isEmpty()) {
      requests = requests / sample.size() * walks;
      records = records / sample.size() * walks;
      if (!what.isEmpty()) {
        basis = what + sample.size() + ": " + basis;
      }
    }
    return new Sampled(
        new StreamEstimate(
            s.name(), s.parent(), walks, Math.round(requests), Math.round(records), basis, null),
        probes,
        capped);
  }
}
