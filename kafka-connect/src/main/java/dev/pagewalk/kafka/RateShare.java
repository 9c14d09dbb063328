package dev.pagewalk.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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

  /** The spec's {@code rateLimit}, as written in the spec's text; empty when it declares none. */
  static Optional<RateShare> ofSpec(String specText) {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(specText);
    if (!(doc instanceof Map<?, ?> spec) || !(spec.get("rateLimit") instanceof Map<?, ?> rate)) {
      return Optional.empty();
    }
    if (!(rate.get("requests") instanceof Integer requests)
        || !(rate.get("per") instanceof String per)) {
      return Optional.empty();
    }
    return Optional.of(new RateShare(requests, PollInterval.parse(per)));
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
