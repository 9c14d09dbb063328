package dev.pagewalk.engine.send;

import static dev.pagewalk.engine.send.Rig.RETRY;
import static dev.pagewalk.engine.send.Rig.fail;
import static dev.pagewalk.engine.send.Rig.get;
import static dev.pagewalk.engine.send.Rig.ok;
import static dev.pagewalk.engine.send.Rig.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.RunStats.FaultKind;
import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.StopReason;
import dev.pagewalk.http.DeadlineExceededException;
import dev.pagewalk.http.ForbiddenAddressException;
import dev.pagewalk.plan.Jitter;
import dev.pagewalk.plan.RetryPlan;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryLinkTest {
  private final Rig rig = new Rig();

  private Exchange<String> send(RetryPlan plan, Before before) {
    return rig.pipeline(plan).send(get("/items"), before, Rig::text);
  }

  private Exchange<String> send(RetryPlan plan) {
    return send(plan, Before.NOTHING);
  }

  private static RetryPlan plan(int maxAttempts, long budgetRetries, Duration budgetTime) {
    RetryPlan d = RETRY;
    return new RetryPlan(
        d.statuses(),
        d.io(),
        maxAttempts,
        d.initialBackoff(),
        d.maxBackoff(),
        d.jitter(),
        d.honorRetryAfter(),
        d.maxRetryAfter(),
        d.emptyPageWithContinuation(),
        d.nonIdempotent(),
        budgetRetries,
        budgetTime);
  }

  private static PagewalkException error(Exchange<?> exchange) {
    assertThat(exchange.failed()).isTrue();
    return (PagewalkException) exchange.failure().error();
  }

  @Nested
  class Backoff {
    @Test
    void resendsTheSameRequestAfterExponentialBackoffsAndReturnsOneExchange() {
      rig.answer(status(503), fail(new SocketException("Connection reset")), ok("[1]"));
      Exchange<String> e = send(RETRY);
      assertThat(e.failed()).isFalse();
      assertThat(e.body()).isEqualTo("200 [1]");
      assertThat(rig.sent)
          .containsExactly(
              "GET http://api.test/items",
              "GET http://api.test/items",
              "GET http://api.test/items");
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.retries()).isEqualTo(2);
      assertThat(e.faults()).containsExactly(new StatusFault(503), Fault.CONNECTION_RESET);
      assertThat(e.faults())
          .extracting(FaultKind::label)
          .containsExactly("status 503", "connection-reset");
      assertThat(rig.retries).containsExactly("1 status 503 100", "2 connection-reset 200");
      assertThat(rig.waits).containsExactly("retry 100", "retry 200");
      assertThat(e.waits().retry()).isEqualTo(Duration.ofMillis(300));
      assertThat(e.waits().total()).isEqualTo(Duration.ofMillis(300));
      assertThat(e.bytes()).isEqualTo("{}".length() + "[1]".length());
      assertThat(e.logical()).isTrue();
    }

    @Test
    void aStatusNotRetriedAnyMoreIsDecodedForThePageLoopToJudge() {
      rig.answer(status(503), status(503), status(503), status(503));
      Exchange<String> e = send(RETRY);
      assertThat(e.failed()).isFalse();
      assertThat(e.body()).isEqualTo("503 {}");
      assertThat(e.attempts()).isEqualTo(4);
      assertThat(e.retries()).isEqualTo(3);
      assertThat(e.faults()).hasSize(4);
      assertThat(rig.slept)
          .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void anUnreadableBodyIsRetriedLikeAnIoFailure() {
      rig.answer(ok("truncated"), ok("[1]"));
      Exchange<String> e = send(RETRY);
      assertThat(e.body()).isEqualTo("200 [1]");
      assertThat(e.faults()).containsExactly(Fault.TRUNCATED_BODY);
      assertThat(rig.retries).containsExactly("1 truncated-body 100");
    }

    @Test
    void aRequestThatIsNotIdempotentIsNotRetried() {
      rig.answer(status(503));
      Exchange<String> e =
          rig.pipeline(RETRY).send(Rig.call("POST", "/items"), Before.NOTHING, Rig::text);
      assertThat(e.body()).isEqualTo("503 {}");
      assertThat(List.of(e.attempts(), e.retries())).containsExactly(1, 0);
      assertThat(e.faults()).containsExactly(new StatusFault(503));
    }

    @Test
    void equalJitterDrawsWithinTheUpperHalf() {
      RetryPlan d = RETRY;
      RetryPlan equal =
          new RetryPlan(
              d.statuses(),
              d.io(),
              d.maxAttempts(),
              d.initialBackoff(),
              d.maxBackoff(),
              Jitter.EQUAL,
              d.honorRetryAfter(),
              d.maxRetryAfter(),
              d.emptyPageWithContinuation(),
              d.nonIdempotent(),
              d.budgetRetries(),
              d.budgetTime());
      rig.answer(status(503), ok("[]"));
      send(equal);
      assertThat(rig.slept).hasSize(1);
      assertThat(rig.slept.get(0).toMillis()).isBetween(50L, 100L);
    }
  }

  @Nested
  class Budget {
    @Test
    void noRetryBeyondTheRunsRetryCount() {
      rig.answer(status(503), status(503));
      Exchange<String> e = send(plan(5, 1, Duration.ofMinutes(15)));
      assertThat(e.body()).isEqualTo("503 {}");
      assertThat(List.of(e.attempts(), e.retries())).containsExactly(2, 1);
    }

    @Test
    void theRetryCountIsTheRunsAcrossCalls() {
      rig.answer(status(503), ok("[1]"), status(503));
      Pipeline pipeline = rig.pipeline(plan(5, 1, Duration.ofMinutes(15)));
      assertThat(pipeline.send(get("/a"), Before.NOTHING, Rig::text).retries()).isEqualTo(1);
      Exchange<String> second = pipeline.send(get("/b"), Before.NOTHING, Rig::text);
      assertThat(second.body()).isEqualTo("503 {}");
      assertThat(second.retries()).isZero();
    }

    @Test
    void aBackoffBeyondTheTimeBudgetFailsTheCall() {
      RetryPlan d = RETRY;
      RetryPlan slow =
          new RetryPlan(
              d.statuses(),
              d.io(),
              5,
              Duration.ofMillis(600),
              Duration.ofSeconds(10),
              Jitter.NONE,
              true,
              d.maxRetryAfter(),
              2,
              false,
              100,
              Duration.ofSeconds(1));
      rig.answer(status(503), status(503));
      Exchange<String> e = send(slow);
      assertThat(e.failure().reason()).isEqualTo(StopReason.ERROR);
      assertThat(error(e))
          .hasMessage(
              "spec: GET http://api.test/items: status 503; retry time budget of 1s used up");
      assertThat(error(e).code()).isEqualTo(ErrorCode.RETRY_EXHAUSTED);
      assertThat(List.of(e.attempts(), e.retries())).containsExactly(2, 1);
      assertThat(e.faults()).hasSize(2);
      assertThat(rig.slept).containsExactly(Duration.ofMillis(600));
    }
  }

  @Nested
  class RetryAfter {
    @Test
    void waitsAsLongAsTheServerAsks() {
      rig.answer(status(429, "Retry-After", "7"), ok("[]"));
      Exchange<String> e = send(RETRY);
      assertThat(e.body()).isEqualTo("200 []");
      assertThat(rig.retries).containsExactly("1 status 429 7000");
      assertThat(e.waits().retry()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterBeyondItsCapFailsAtOnce() {
      rig.answer(status(429, "Retry-After", "3600"));
      Exchange<String> e = send(RETRY);
      assertThat(error(e))
          .hasMessage(
              "spec: GET http://api.test/items returned 429 with"
                  + " Retry-After 3600s, beyond the cap of 60s (retry.retryAfter.max)");
      assertThat(error(e).code()).isEqualTo(ErrorCode.RETRY_EXHAUSTED);
      assertThat(((HttpFailureException) error(e)).status()).isEqualTo(429);
      assertThat(e.faults()).containsExactly(new StatusFault(429));
      assertThat(rig.slept).isEmpty();
    }
  }

  @Nested
  class Failures {
    @Test
    void aDeterministicFaultIsNotRetriedAndSaysWhatItIs() {
      rig.answer(fail(new ForbiddenAddressException("host api.test resolves to 10.0.0.1")));
      Exchange<String> e = send(RETRY);
      assertThat(error(e))
          .hasMessage(
              "spec: GET http://api.test/items failed (forbidden-address):"
                  + " ForbiddenAddressException: host api.test resolves to 10.0.0.1");
      assertThat(error(e).code()).isEqualTo(ErrorCode.FORBIDDEN_ADDRESS);
      assertThat(List.of(e.attempts(), e.retries())).containsExactly(1, 0);
      assertThat(e.faults()).containsExactly(Fault.FORBIDDEN_ADDRESS);
    }

    @Test
    void aDeadlinePassedOnTheLastAttemptIsATimeout() {
      rig.answer(fail(new DeadlineExceededException("deadline of 1s exceeded")));
      Exchange<String> e = send(plan(1, 100, Duration.ofMinutes(15)));
      assertThat(e.failure().reason()).isEqualTo(StopReason.TIMEOUT);
      assertThat(error(e)).hasMessage("spec: GET http://api.test/items: deadline of 1s exceeded");
      assertThat(error(e).code()).isEqualTo(ErrorCode.TIMEOUT);
    }

    @Test
    void anIoFailureThatRetriesDidNotCureNamesTheAttempts() {
      rig.answer(
          fail(new SocketException("Connection reset")),
          fail(new SocketException("Connection reset")));
      Exchange<String> e = send(plan(2, 100, Duration.ofMinutes(15)));
      assertThat(error(e))
          .hasMessage(
              "spec: GET http://api.test/items failed (connection-reset):"
                  + " SocketException: Connection reset (after 2 attempts)");
      assertThat(error(e).code()).isEqualTo(ErrorCode.NETWORK);
      assertThat(e.faults()).containsExactly(Fault.CONNECTION_RESET, Fault.CONNECTION_RESET);
    }

    @Test
    void aBodyThatStaysUnreadableIsAMalformedResponse() {
      rig.answer(ok("truncated"));
      Exchange<String> e = send(plan(1, 100, Duration.ofMinutes(15)));
      assertThat(error(e))
          .hasMessage(
              "spec: GET http://api.test/items returned an unreadable"
                  + " body (truncated-body): MalformedBodyException: truncated JSON");
      assertThat(error(e).code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
      assertThat(((HttpFailureException) error(e)).status()).isEqualTo(200);
    }
  }

  @Nested
  class EmptyPageAgain {
    @Test
    void isOneRetryAndOneFaultBeforeTheSameRequestAndNotALogicalRequest() {
      rig.answer(ok("[3]"));
      Exchange<String> e = send(RETRY, Before.again(Fault.EMPTY_PAGE_WITH_CONTINUATION, 1));
      assertThat(e.body()).isEqualTo("200 [3]");
      assertThat(e.faults()).containsExactly(Fault.EMPTY_PAGE_WITH_CONTINUATION);
      assertThat(List.of(e.attempts(), e.retries())).containsExactly(1, 1);
      assertThat(e.logical()).isFalse();
      assertThat(rig.retries).containsExactly("1 empty-page-with-continuation 100");
      assertThat(e.waits().retry()).isEqualTo(Duration.ofMillis(100));
    }
  }

  @Nested
  class Delay {
    @Test
    void aPaginationDelayIsWaitedFirstAndCountedAsADelay() {
      rig.answer(ok("[]"));
      Exchange<String> e =
          send(RETRY, Before.delay(Pause.PAGINATION_DELAY, Duration.ofMillis(250)));
      assertThat(rig.waits).containsExactly("delay 250");
      assertThat(e.waits().of(Pause.PAGINATION_DELAY)).isEqualTo(Duration.ofMillis(250));
      assertThat(e.waits().delay()).isEqualTo(Duration.ofMillis(250));
      assertThat(e.waits().retry()).isZero();
      assertThat(e.logical()).isTrue();
    }
  }
}
