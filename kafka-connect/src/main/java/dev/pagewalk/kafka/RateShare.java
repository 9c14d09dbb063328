package dev.pagewalk.kafka;

import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.RateLimitPlan;
import java.time.Duration;
import java.util.Optional;

/**
 * The spec's run-wide {@code rateLimit} ({@code requests} per {@code per}) divided between the
 * connector's tasks, so that together they never send more than the spec allows: each of {@code n}
 * tasks may send {@code floor(requests / n)} requests in any window of {@code per}. A connector
 * with a rate limit makes at most {@code requests} tasks, so each gets at least one.
 *
 * @param requests requests a task may send in any window of {@code per}
 * @param per the window
 */
record RateShare(int requests, Duration per) {

  /**
   * The {@code rateLimit} of {@code plan} (the run-wide one a connector's streams share), with its
   * defaults ({@code per}: one second); empty when it declares no count of requests.
   */
  static Optional<RateShare> of(dev.pagewalk.Plan plan) {
    RateLimitPlan rate = Connector.of(plan).shared().rateLimit();
    if (rate.requests() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new RateShare(rate.requests(), rate.per()));
  }

  /** How many tasks to make for {@code maxTasks}: no more than there are requests to share. */
  int tasks(int maxTasks) {
    return Math.max(1, Math.min(maxTasks, requests));
  }

  /** One task's share when there are {@code tasks} tasks. */
  RateShare share(int tasks) {
    return new RateShare(Math.max(1, requests / tasks), per);
  }
}
