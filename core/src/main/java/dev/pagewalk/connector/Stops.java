package dev.pagewalk.connector;

import dev.pagewalk.Estimate;
import dev.pagewalk.Estimate.Certainty;
import dev.pagewalk.Estimate.StreamEstimate;
import dev.pagewalk.audit.Cap;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.Durations;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.RateLimitPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The run a planner's stream estimates add up to: its requests, records and wall time, and each cap
 * or deadline that would stop it before it ends by itself.
 */
final class Stops {
  private Stops() {}

  static Estimate of(
      Connector connector,
      Limits limits,
      List<StreamEstimate> streams,
      List<Probe> probes,
      List<String> paginationCapped,
      int probePages) {
    long requests = streams.stream().mapToLong(StreamEstimate::requests).sum();
    long records = streams.stream().mapToLong(StreamEstimate::records).sum();
    Certainty certainty = Certainty.EXACT;
    for (StreamEstimate s : streams) {
      certainty = certainty.weakest(s.certainty());
    }
    String about = certainty == Certainty.LOWER_BOUND ? " of at least " : " of about ";
    Duration wall = wallTime(connector, streams, probes);
    List<String> stops = new ArrayList<>();
    if (requests > limits.maxRequests()) {
      stops.add(
          "limits.maxRequests ("
              + limits.maxRequests()
              + ") would stop the run after "
              + limits.maxRequests()
              + about
              + requests
              + " requests; "
              + Cap.MAX_REQUESTS.advice());
    }
    if (records > limits.maxRecords()) {
      stops.add(
          "limits.maxRecords ("
              + limits.maxRecords()
              + ") would stop the run after "
              + limits.maxRecords()
              + about
              + records
              + " records; "
              + Cap.MAX_RECORDS.advice());
    }
    if (!paginationCapped.isEmpty()) {
      stops.add(
          "limits.maxPaginationRequests ("
              + limits.maxPaginationRequests()
              + ") would stop walks of "
              + String.join(", ", paginationCapped)
              + " before their last page; "
              + Cap.MAX_PAGINATION_REQUESTS.advice());
    }
    if (limits.runTimeout() != null && wall.compareTo(limits.runTimeout()) > 0) {
      stops.add(
          "limits.runTimeout ("
              + Durations.format(limits.runTimeout())
              + ") would stop the run, which needs"
              + (certainty == Certainty.LOWER_BOUND ? " at least " : " about ")
              + Durations.format(wall)
              + "; raise it in the spec");
    }
    long sent = probes.stream().mapToLong(Probe::requests).sum();
    return new Estimate(
        connector.name(), streams, requests, records, certainty, wall, stops, sent, probePages);
  }

  /**
   * The longest of: the requests at the probes' mean latency per page spread over {@code
   * concurrency} walks, the longest walk's requests one after another, and the requests at the
   * {@code rateLimit} pace.
   */
  static Duration wallTime(Connector connector, List<StreamEstimate> streams, List<Probe> probes) {
    long pages = probes.stream().mapToLong(Probe::pages).sum();
    double latency =
        pages == 0 ? 0 : (double) probes.stream().mapToLong(Probe::millis).sum() / pages;
    long requests = streams.stream().mapToLong(StreamEstimate::requests).sum();
    long walks = streams.stream().mapToLong(StreamEstimate::walks).sum();
    double spread =
        (double) requests * latency / Math.max(1, Math.min(connector.concurrency(), walks));
    double longest = 0;
    for (StreamEstimate s : streams) {
      if (s.walks() > 0) {
        longest = Math.max(longest, (double) s.requests() / s.walks() * latency);
      }
    }
    RateLimitPlan rate = connector.shared().rateLimit();
    double paced =
        rate.requests() > 0
            ? (double) Math.max(0, requests - rate.requests())
                / rate.requests()
                * rate.per().toMillis()
            : 0;
    return Duration.ofMillis(Math.round(Math.max(spread, Math.max(longest, paced))));
  }
}
