package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.cursorPage;
import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats;
import dev.pagewalk.Runner;
import dev.pagewalk.Sleeper;
import dev.pagewalk.StopReason;
import dev.pagewalk.WaitReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rate limits as providers send them ({@code retry.rateLimited}): a 403 that is a used-up quota
 * (GitHub's {@code x-ratelimit-remaining: 0}, Google Drive's "User rate limit exceeded") waits for
 * the reset the response names, as epoch seconds or as a delta; a wait beyond {@code
 * retry.retryAfter.max} is honoured only while {@code limits.runTimeout} has room for it; 529 is
 * retried; every wait is shown to the listener and counted in the report.
 */
class RateLimitedResponsesTest {
  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  /** A clock that only the run's sleeper (and the scripted server) moves. */
  private static final class VirtualTime extends Clock implements Sleeper {
    private volatile Instant now = START;

    @Override
    public synchronized void sleep(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static final String GITHUB =
      """
      pagewalk: 1
      name: github
      baseUrl: http://api.test
      %s
      retry:
        backoff: {initial: 1s, max: 1s, jitter: none}
        rateLimited:
          - status: [403, 429]
            header: x-ratelimit-remaining
            equals: "0"
            reset: x-ratelimit-reset
          - status: 403
            bodyContains: User rate limit exceeded
      request:
        url: /items
        response:
          iterate: "{{body.data}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  private final VirtualTime time = new VirtualTime();
  private final List<String> waits = new ArrayList<>();

  private RunResult run(String spec, ScriptedTransport t) {
    RunListener listener =
        new RunListener() {
          @Override
          public void onWait(WaitReason why, Duration duration) {
            waits.add(why.wireName() + " " + duration.toSeconds() + "s");
          }
        };
    try (Runner runner =
        Runner.builder().transport(t).clock(time).sleeper(time).listener(listener).build()) {
      return runner.collect(Pagewalk.parse("github.yaml", spec), RunInput.empty()).result();
    }
  }

  /** Page 1, then a used-up quota with a reset {@code reset} on page 2, then page 2. */
  private static ScriptedTransport quotaOnPage2(String... headers) {
    return new ScriptedTransport(
        (req, i) ->
            switch (i) {
              case 0 -> json(req, 200, cursorPage("c2", 1));
              case 1 -> json(req, 403, "{\"message\":\"API rate limit exceeded\"}", headers);
              default -> json(req, 200, cursorPage(null, 2));
            });
  }

  @Nested
  class AForbiddenThatIsAUsedUpQuota {
    @Test
    void waitsUntilTheEpochResetWithinTheRunDeadline() {
      long reset = START.getEpochSecond() + 3600;
      ScriptedTransport t =
          quotaOnPage2("x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(reset));
      RunResult r = run(GITHUB.formatted("limits: {runTimeout: 2h}"), t);
      assertThat(r.failure()).isNull();
      assertThat(r.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
      assertThat(t.uris())
          .containsExactly(
              "GET http://api.test/items",
              "GET http://api.test/items?cursor=c2",
              "GET http://api.test/items?cursor=c2");
      assertThat(waits).containsExactly("rateLimit 3600s");
      assertThat(r.stats().waited(WaitReason.RATE_LIMIT)).isEqualTo(Duration.ofHours(1));
      assertThat(r.stats().retries()).isEqualTo(1);
      assertThat(r.report().waits()).containsEntry("rateLimit", 3_600_000L);
    }

    @Test
    void failsWithoutARunDeadlineWhenTheResetIsBeyondTheCap() {
      long reset = START.getEpochSecond() + 3600;
      ScriptedTransport t =
          quotaOnPage2("x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(reset));
      RunResult r = run(GITHUB.formatted(""), t);
      assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(r.failure().code()).isEqualTo(ErrorCode.RETRY_EXHAUSTED);
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "github: GET http://api.test/items?cursor=c2 returned 403 with its rate limit"
                  + " resetting in 3600s, beyond the cap of 300s (retry.retryAfter.max); set"
                  + " limits.runTimeout to allow longer waits within a run deadline");
      assertThat(t.requestCount()).isEqualTo(2);
    }

    @Test
    void failsWhenTheResetWouldPassTheRunDeadline() {
      long reset = START.getEpochSecond() + 3600;
      ScriptedTransport t =
          quotaOnPage2("x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(reset));
      RunResult r = run(GITHUB.formatted("limits: {runTimeout: 30m}"), t);
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "github: GET http://api.test/items?cursor=c2 returned 403 with its rate limit"
                  + " resetting in 3600s, beyond the cap of 300s (retry.retryAfter.max); waiting"
                  + " would pass the run deadline (limits.runTimeout 30m)");
    }

    @Test
    void readsADeltaReset() {
      ScriptedTransport t = quotaOnPage2("x-ratelimit-remaining", "0", "x-ratelimit-reset", "30");
      RunResult r = run(GITHUB.formatted(""), t);
      assertThat(r.failure()).isNull();
      assertThat(waits).containsExactly("rateLimit 30s");
    }

    @Test
    void readsABodyPatternAndBacksOffWithoutAReset() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  i == 0
                      ? json(req, 403, "{\"error\":{\"message\":\"User rate limit exceeded.\"}}")
                      : json(req, 200, cursorPage(null, 1)));
      RunResult r = run(GITHUB.formatted(""), t);
      assertThat(r.failure()).isNull();
      assertThat(waits).containsExactly("rateLimit 1s");
      assertThat(r.stats().faults()).containsEntry(new RunStats.StatusFault(403), 1L);
    }

    @Test
    void aForbiddenWithQuotaLeftIsNotRetried() {
      ScriptedTransport t = quotaOnPage2("x-ratelimit-remaining", "12", "x-ratelimit-reset", "30");
      RunResult r = run(GITHUB.formatted(""), t);
      assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "github: GET http://api.test/items?cursor=c2 returned 403:"
                  + " {\"message\":\"API rate limit exceeded\"}");
      assertThat(t.requestCount()).isEqualTo(2);
      assertThat(waits).isEmpty();
    }
  }

  @Nested
  class ServerWaits {
    private static final String NOTION =
        """
        pagewalk: 1
        name: notion
        baseUrl: http://api.test
        %s
        retry: {retryAfter: {max: 1m}}
        request:
          url: /items
          response:
            iterate: "{{body.data}}"
        """;

    @Test
    void retries529ByDefault() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  i == 0
                      ? json(req, 529, "{\"code\":\"service_overload\"}", "Retry-After", "2")
                      : json(req, 200, cursorPage(null, 1)));
      RunResult r = run(NOTION.formatted(""), t);
      assertThat(r.failure()).isNull();
      assertThat(t.requestCount()).isEqualTo(2);
      assertThat(waits).containsExactly("retry 2s");
    }

    @Test
    void honoursARetryAfterBeyondTheCapWhileTheRunDeadlineHasRoom() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  i == 0
                      ? json(req, 429, "{\"code\":\"rate_limited\"}", "Retry-After", "120")
                      : json(req, 200, cursorPage(null, 1)));
      RunResult r = run(NOTION.formatted("limits: {runTimeout: 1h}"), t);
      assertThat(r.failure()).isNull();
      assertThat(waits).containsExactly("retry 120s");
      assertThat(r.stats().waited(WaitReason.RETRY)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void sendsNothingOnceTheRunDeadlineHasPassed() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> {
                time.sleep(Duration.ofMinutes(2));
                return json(req, 200, i == 0 ? cursorPage("c2", 1) : cursorPage(null, 2));
              });
      RunResult r = run(GITHUB.formatted("limits: {runTimeout: 1m}"), t);
      assertThat(r.stopReason()).isEqualTo(StopReason.TIMEOUT);
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "github: GET http://api.test/items?cursor=c2 not sent: the run deadline has passed"
                  + " (limits.runTimeout 1m)");
      assertThat(t.requestCount()).isEqualTo(1);
      assertThat(r.stats().recordsEmitted()).isEqualTo(1);
    }

    @Test
    void neverWaitsPastTheRunDeadline() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> json(req, 429, "{\"code\":\"rate_limited\"}", "Retry-After", "50"));
      RunResult r = run(NOTION.formatted("limits: {runTimeout: 90s}"), t);
      assertThat(r.stopReason()).isEqualTo(StopReason.TIMEOUT);
      assertThat(r.failure().code()).isEqualTo(ErrorCode.TIMEOUT);
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "notion: GET http://api.test/items not sent: waiting 50s to retry would pass the"
                  + " run deadline (limits.runTimeout 90s)");
      assertThat(t.requestCount()).isEqualTo(2);
    }
  }
}
