package dev.pagewalk.engine.send;

import static dev.pagewalk.engine.send.Rig.RETRY;
import static dev.pagewalk.engine.send.Rig.get;
import static dev.pagewalk.engine.send.Rig.ok;
import static dev.pagewalk.engine.send.Rig.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunStats.StatusFault;
import dev.pagewalk.StopReason;
import dev.pagewalk.retry.Pacer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An interrupt of the run's thread cancels the call: before a send, or during any wait. */
class CancelTest {
  private final Rig rig = new Rig();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static void assertCancelled(Exchange<?> e) {
    assertThat(e.failure().reason()).isEqualTo(StopReason.CANCELLED);
    PagewalkException error = (PagewalkException) e.failure().error();
    assertThat(error).hasMessage("spec: run cancelled");
    assertThat(error.code()).isEqualTo(ErrorCode.CANCELLED);
    assertThat(Thread.currentThread().isInterrupted()).as("the interrupt stays set").isTrue();
  }

  @Test
  void anInterruptedThreadSendsNothing() {
    Thread.currentThread().interrupt();
    Exchange<String> e = rig.pipeline(RETRY).send(get("/items"), Before.NOTHING, Rig::text);
    assertCancelled(e);
    assertThat(rig.sent).isEmpty();
    assertThat(e.attempts()).isZero();
    assertThat(e.logical()).isTrue();
  }

  @Test
  void anInterruptDuringABackoffCancelsWithTheRetryCounted() {
    rig.interruptAtSleep = 0;
    rig.answer(status(503));
    Exchange<String> e = rig.pipeline(RETRY).send(get("/items"), Before.NOTHING, Rig::text);
    assertCancelled(e);
    assertThat(List.of(e.attempts(), e.retries())).containsExactly(1, 1);
    assertThat(e.faults()).containsExactly(new StatusFault(503));
    assertThat(e.waits().retry()).isEqualTo(Duration.ofMillis(100));
    assertThat(rig.sent).hasSize(1);
  }

  @Test
  void anInterruptDuringARateLimitWaitCancelsBeforeTheSend() {
    rig.interruptAtSleep = 0;
    Pacer pacer = Pacer.of(1, Duration.ofSeconds(1), false, Duration.ofMinutes(1), rig.clock);
    rig.answer(ok("[]"));
    Pipeline pipeline = rig.pipeline(RETRY, pacer, null);
    assertThat(pipeline.send(get("/a"), Before.NOTHING, Rig::text).failed()).isFalse();
    Exchange<String> e = pipeline.send(get("/b"), Before.NOTHING, Rig::text);
    assertCancelled(e);
    assertThat(rig.sent).containsExactly("GET http://api.test/a");
    assertThat(e.attempts()).isZero();
    assertThat(e.waits().rateLimit()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anInterruptDuringAPaginationDelayIsNoLogicalRequest() {
    rig.interruptAtSleep = 0;
    Exchange<String> e =
        rig.pipeline(RETRY)
            .send(
                get("/items"),
                Before.delay(Pause.PAGINATION_DELAY, Duration.ofSeconds(2)),
                Rig::text);
    assertCancelled(e);
    assertThat(e.logical()).isFalse();
    assertThat(e.attempts()).isZero();
    assertThat(e.waits().delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(rig.sent).isEmpty();
  }
}
