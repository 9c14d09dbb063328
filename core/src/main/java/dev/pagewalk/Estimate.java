package dev.pagewalk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Runner#estimate} expects of a run.
 *
 * @param spec the spec's name
 * @param streams each stream the run would walk, parents first
 * @param requests the run's requests, every stream's added up (the caps of one walk applied, the
 *     run's not: {@code stops} says where they would stop it)
 * @param records the run's records, likewise
 * @param certainty how sure the figures are: the least sure of its streams'
 * @param wallTime how long the run would take
 * @param stops each cap or deadline that would stop the run before it ends by itself, as a sentence
 *     that says how to lift it; empty when none would
 * @param probeRequests the requests the estimate itself sent
 * @param probePages the pages it read at most of each walk it probed
 */
public record Estimate(
    String spec,
    List<StreamEstimate> streams,
    long requests,
    long records,
    Certainty certainty,
    Duration wallTime,
    List<String> stops,
    long probeRequests,
    int probePages) {
  public Estimate {
    streams = List.copyOf(streams);
    stops = List.copyOf(stops);
  }

  /** The stream called {@code name}, if the run would walk it. */
  public Optional<StreamEstimate> stream(String name) {
    return streams.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** How sure an estimate's figures are, from most to least. */
  public enum Certainty {
    /** Every walk was probed to its end (or to the cap that would stop it). */
    EXACT("exact"),
    /**
     * Worked out from what the probes saw: the API's total, or a sample of the walks standing for
     * all of them.
     */
    EXTRAPOLATED("extrapolated"),
    /**
     * A floor: some walk had more pages than its probe read and nothing said how many, or a probe
     * failed; the run takes at least about this much.
     */
    LOWER_BOUND("lower-bound");

    private final String wireName;

    Certainty(String wireName) {
      this.wireName = wireName;
    }

    /** Its name in {@code plan --format json} and the run report. */
    public String wireName() {
      return wireName;
    }

    /** The less sure of this and {@code other}. */
    public Certainty weakest(Certainty other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  /**
   * One stream of an {@link Estimate}.
   *
   * @param name the stream's name
   * @param parent the parent stream's name; null for none
   * @param walks its walks: partitions, or its parent's estimated records
   * @param requests the requests of all its walks
   * @param records the records of all its walks
   * @param certainty how sure the figures are
   * @param basis how the figures were worked out: what its probes' pages said
   * @param probeRequests the requests its probes sent
   * @param failure why its probe failed (the figures are then a floor); null when it did not
   */
  public record StreamEstimate(
      String name,
      String parent,
      long walks,
      long requests,
      long records,
      Certainty certainty,
      String basis,
      long probeRequests,
      String failure) {}
}
