package dev.pagewalk.connector;

import dev.pagewalk.Estimate;
import dev.pagewalk.Estimate.Certainty;
import dev.pagewalk.Estimate.StreamEstimate;
import dev.pagewalk.InputException;
import dev.pagewalk.RunInput;
import dev.pagewalk.engine.Engine;
import dev.pagewalk.engine.Shared;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.StreamPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Estimates a run of a connector's streams before it is made: a probe of at most {@code probePages}
 * pages per walk of a small sample ({@value #SAMPLE} partitions of a stream without a parent,
 * {@value #SAMPLE} records of a child stream's parent, spread over the records its probes
 * delivered), and each stream's requests and records are its walks times the sample's mean ({@link
 * WalkGuess} for one walk). {@link Stops} adds them up, works out the wall time from the probes'
 * latency, {@code concurrency} and {@code rateLimit}, and says which cap or deadline the run would
 * reach.
 */
public final class Planner {
  static final int SAMPLE = 5;

  private Planner() {}

  /**
   * Estimates the run of {@code streams} (empty: all) of {@code connector} and their parents,
   * reading at most {@code probePages} pages of each walk it probes; {@code links} gives the links
   * ({@code Link} header by relation) of the latest response {@code plugins} received.
   *
   * @throws InputException for an unknown stream, invalid inputs, partitions that cannot be worked
   *     out or a {@code probePages} below 1, before any request is sent
   */
  public static Estimate estimate(
      Connector connector,
      RunInput input,
      List<String> streams,
      int probePages,
      Engine.Plugins plugins,
      Supplier<Map<String, String>> links) {
    if (probePages < 1) {
      throw new InputException(
          connector.name() + ": the probe's pages per walk must be 1 or more, got " + probePages);
    }
    Set<String> walked =
        StreamSelection.closure(connector, StreamSelection.select(connector, streams));
    Limits limits = connector.shared().limits().with(input.limits());
    Probing probing =
        new Probing(
            input,
            Shared.of(connector.shared(), Probe.overrides(input), plugins.clock()),
            plugins,
            links,
            probePages,
            limits.maxPaginationRequests());
    Map<String, Sampled> done = new HashMap<>();
    List<StreamEstimate> out = new ArrayList<>();
    List<Probe> all = new ArrayList<>();
    List<String> capped = new ArrayList<>();
    for (StreamPlan s : connector.streams()) {
      if (!walked.contains(s.name())) {
        continue;
      }
      Sampled sampled =
          s.parent() == null ? roots(s, probing) : children(s, done.get(s.parent()), probing);
      done.put(s.name(), sampled);
      all.addAll(sampled.probes());
      out.add(sampled.estimate());
      if (sampled.paginationCapped()) {
        capped.add(s.name());
      }
    }
    return Stops.of(connector, limits, out, all, capped, probePages);
  }

  /** What every probe of one estimate shares. */
  private record Probing(
      RunInput input,
      Shared shared,
      Engine.Plugins plugins,
      Supplier<Map<String, String>> links,
      int pages,
      long maxPaginationRequests) {
    Probe probe(Walk w) {
      return Probe.of(w, input, shared, plugins, links, pages, maxPaginationRequests);
    }
  }

  /** A stream's estimate, the probes it came from and whether the pagination cap would stop it. */
  private record Sampled(StreamEstimate estimate, List<Probe> probes, boolean paginationCapped) {
    List<Object> records() {
      List<Object> out = new ArrayList<>();
      probes.forEach(p -> out.addAll(p.delivered()));
      return out;
    }
  }

  private static Sampled roots(StreamPlan s, Probing probing) {
    long count = 0;
    for (Iterator<Walk> walks = walks(s, probing); walks.hasNext(); walks.next()) {
      count++;
    }
    List<Long> picked = spread(count);
    List<Walk> sample = new ArrayList<>();
    Iterator<Walk> walks = walks(s, probing);
    for (long at = 0; walks.hasNext() && sample.size() < picked.size(); at++) {
      Walk w = walks.next();
      if (picked.get(sample.size()) == at) {
        sample.add(w);
      }
    }
    String what = s.partitions() == null ? "" : count + " partitions";
    return sampled(s, count, Certainty.EXACT, sample, what, probing);
  }

  /** The walks of a stream without a parent: one per partition, or one. */
  private static Iterator<Walk> walks(StreamPlan s, Probing probing) {
    Map<String, Object> variables = Map.of("stream", Map.of("name", s.name()));
    return Partitions.of(
        s,
        Engine.inputs(s.plan(), probing.input(), probing.plugins().clock().instant(), variables));
  }

  private static Sampled children(StreamPlan s, Sampled parent, Probing probing) {
    if (parent.estimate().failure() != null) {
      return new Sampled(
          new StreamEstimate(
              s.name(),
              s.parent(),
              0,
              0,
              0,
              Certainty.LOWER_BOUND,
              "its parent could not be probed",
              0,
              null),
          List.of(),
          false);
    }
    List<Object> records = parent.records();
    List<Walk> sample = new ArrayList<>();
    for (long at : spread(records.size())) {
      sample.add(Walk.of(s, "#" + (at + 1), "parent", records.get((int) at)));
    }
    return sampled(
        s,
        parent.estimate().records(),
        parent.estimate().certainty(),
        sample,
        "one per " + s.parent() + " record",
        probing);
  }

  /** At most {@value #SAMPLE} indexes of {@code size}, spread from the first to the last. */
  static List<Long> spread(long size) {
    int n = (int) Math.min(SAMPLE, size);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(n == 1 ? 0 : i * (size - 1) / (n - 1));
    }
    return out;
  }

  private static Sampled sampled(
      StreamPlan s,
      long walks,
      Certainty counted,
      List<Walk> sample,
      String what,
      Probing probing) {
    List<Probe> probes = new ArrayList<>();
    List<WalkGuess> guesses = new ArrayList<>();
    for (Walk w : sample) {
      Probe p = probing.probe(w);
      probes.add(p);
      if (p.failure() != null) {
        return new Sampled(
            new StreamEstimate(
                s.name(),
                s.parent(),
                walks,
                walks,
                0,
                Certainty.LOWER_BOUND,
                "probe failed",
                sent(probes),
                p.failure()),
            probes,
            false);
      }
      guesses.add(WalkGuess.of(p, probing.maxPaginationRequests()));
    }
    double requests = guesses.stream().mapToLong(WalkGuess::requests).sum();
    double records = guesses.stream().mapToLong(WalkGuess::records).sum();
    Certainty certainty = counted;
    for (WalkGuess g : guesses) {
      certainty = certainty.weakest(g.kind().certainty);
    }
    if (!sample.isEmpty()) {
      requests = requests / sample.size() * walks;
      records = records / sample.size() * walks;
    }
    if (sample.size() < walks) {
      certainty = certainty.weakest(Certainty.EXTRAPOLATED);
    }
    return new Sampled(
        new StreamEstimate(
            s.name(),
            s.parent(),
            walks,
            Math.round(requests),
            Math.round(records),
            certainty,
            SampleBasis.of(what, walks, guesses),
            sent(probes),
            null),
        probes,
        guesses.stream().anyMatch(WalkGuess::paginationCapped));
  }

  private static long sent(List<Probe> probes) {
    return probes.stream().mapToLong(Probe::requests).sum();
  }
}
