package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectorConcurrencyTest {
  private static String spec(int concurrency, String rateLimit, int repos) {
    return "pagewalk: 1\nname: gh\nbaseUrl: http://api.test\n"
        + "concurrency: "
        + concurrency
        + "\n"
        + rateLimit
        + "streams:\n"
        + "  repos:\n"
        + "    request:\n"
        + "      url: /repos\n"
        + "      qs: {n: '"
        + repos
        + "'}\n"
        + "      response: {iterate: '{{body}}', key: '{{item}}'}\n"
        + "  issues:\n"
        + "    parent: repos\n"
        + "    request:\n"
        + "      url: '/repos/{{parent}}/issues'\n"
        + "      response: {iterate: '{{body}}', key: ['{{parent}}', '{{item}}']}\n";
  }

  private static InProcessApi.Answer api(String target) {
    if (target.startsWith("/repos?n=")) {
      int n = Integer.parseInt(target.substring("/repos?n=".length()));
      List<Integer> ids = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        ids.add(i);
      }
      return InProcessApi.ok(ids.toString());
    }
    return InProcessApi.ok("[1,2]");
  }

  private static StreamsResult run(String yaml, InProcessApi api, AtomicLong records) {
    Plan plan = Pagewalk.parse("gh.yaml", yaml);
    try (Runner runner = Runner.builder().transport(api).build()) {
      return runner.runStreams(
          plan, RunInput.empty(), List.of(), (s, r) -> records.incrementAndGet(), RunListener.NONE);
    }
  }

  @Test
  void runsAtMostConcurrencyWalksAtOnceUnderOneSharedRateLimit() {
    // warm up, so that neither timed run pays for loading classes
    run(spec(1, "", 2), new InProcessApi(ConnectorConcurrencyTest::api, 0), new AtomicLong());
    InProcessApi four = new InProcessApi(ConnectorConcurrencyTest::api, 25);
    AtomicLong records = new AtomicLong();
    long start = System.nanoTime();
    StreamsResult result =
        run(spec(4, "rateLimit: {requests: 20, per: 500ms}\n", 40), four, records);
    long fourMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.verdict()).isNotEqualTo(Verdict.INCOMPLETE);
    assertThat(records.get()).isEqualTo(40 + 80);
    assertThat(four.requests).hasSize(41);
    assertThat(four.maxInFlight()).isEqualTo(4);
    // no window of the period holds more requests than the limit; the bucket counts a request
    // when it lets it go, and a busy machine may deschedule a thread between that and the send:
    // 100 ms of the period are left for that
    List<Long> times = new ArrayList<>(four.sentAt);
    times.sort(Long::compare);
    int most = 0;
    for (int i = 0, j = 0; i < times.size(); i++) {
      while (times.get(i) - times.get(j) >= 400_000_000L) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    assertThat(most).isLessThanOrEqualTo(20);

    InProcessApi one = new InProcessApi(ConnectorConcurrencyTest::api, 25);
    start = System.nanoTime();
    run(spec(1, "rateLimit: {requests: 20, per: 500ms}\n", 40), one, new AtomicLong());
    long oneMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(one.maxInFlight()).isEqualTo(1);
    System.out.printf(
        "41 requests, rateLimit 20 per 500ms, 25 ms each: concurrency 4 %d ms (most in one"
            + " window %d), concurrency 1 %d ms%n",
        fourMillis, most, oneMillis);
  }

  @Test
  void aRetryAfterFromOneWalkHoldsBackTheOthers() {
    AtomicLong throttled = new AtomicLong();
    AtomicLong throttledAt = new AtomicLong();
    ConcurrentLinkedQueue<Long> after = new ConcurrentLinkedQueue<>();
    InProcessApi api =
        new InProcessApi(
            t -> {
              if (t.endsWith("/issues") && throttled.getAndIncrement() == 0) {
                throttledAt.set(System.nanoTime());
                return new InProcessApi.Answer(429, "{}", java.util.Map.of("Retry-After", "1"));
              }
              if (throttledAt.get() != 0) {
                after.add(System.nanoTime() - throttledAt.get());
              }
              return api(t);
            },
            0);
    StreamsResult result =
        run(spec(2, "retry: {on: [429], maxAttempts: 3}\n", 6), api, new AtomicLong());
    assertThat(result.verdict()).isNotEqualTo(Verdict.INCOMPLETE);
    assertThat(throttled.get()).isEqualTo(7);
    // once the 429 is in, no walk sends anything until its Retry-After has passed (50 ms for
    // the request another walk may have had on the wire already)
    assertThat(after)
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(d -> assertThat(d < 50_000_000L || d > 950_000_000L).as(d + " ns").isTrue());
  }
}
