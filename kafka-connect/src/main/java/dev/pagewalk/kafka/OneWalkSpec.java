package dev.pagewalk.kafka;

import dev.pagewalk.Plan;
import java.util.List;
import java.util.Optional;

/**
 * The specs this connector runs: a spec with one request ({@code request} or {@code requests} at
 * the top level), walked once. A spec with {@code streams} (several streams, parents, partitions)
 * is refused before anything starts, with the reason.
 */
final class OneWalkSpec {
  private OneWalkSpec() {}

  /** Why {@code plan} cannot run on this connector; empty when it can. */
  static Optional<String> refusal(Plan plan) {
    List<String> streams = plan.streamNames();
    if (streams.equals(List.of(plan.name()))) {
      return Optional.empty();
    }
    return Optional.of(
        plan.name()
            + " has the streams "
            + String.join(", ", streams)
            + ": this connector runs a spec with one request (one stream, one walk); a spec with"
            + " streams, parents or partitions cannot run on Kafka Connect yet");
  }
}
