package dev.pagewalk.engine.send;

import static dev.pagewalk.engine.send.Rig.RETRY;
import static dev.pagewalk.engine.send.Rig.get;
import static dev.pagewalk.engine.send.Rig.ok;
import static dev.pagewalk.engine.send.Rig.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.StopReason;
import dev.pagewalk.retry.Pacer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call sent ahead is taken when the run asks for an equal request; given up, it is counted only
 * if it went out.
 */
class ReadAheadLinkTest {
  private final Rig rig = new Rig();
  private final ExecutorService ahead =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "ahead"));

  @AfterEach
  void stop() {
    Thread.interrupted();
    ahead.shutdownNow();
  }

  private Pipeline pipeline(java.util.concurrent.Executor executor) {
    return rig.pipeline(RETRY, Pacer.NONE, executor);
  }

  @Test
  void theRequestSentAheadIsTakenByTheSendOfAnEqualRequest() {
    rig.answer(ok("[2]"));
    Pipeline p = pipeline(ahead);
    p.sendAhead(get("/items?cursor=c2"));
    Exchange<String> e = p.send(get("/items?cursor=c2"), Before.NOTHING, Rig::text);
    assertThat(e.body()).isEqualTo("200 [2]");
    assertThat(rig.sent).containsExactly("GET http://api.test/items?cursor=c2");
    assertThat(rig.threads).containsExactly("ahead");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.logical()).isTrue();
    assertThat(p.abandon()).as("nothing left in flight").isNull();
  }

  @Test
  void aReadAheadThatFailedIsRetriedOnTheRunsThread() {
    rig.answer(status(503), ok("[2]"));
    Pipeline p = pipeline(ahead);
    p.sendAhead(get("/items?cursor=c2"));
    Exchange<String> e = p.send(get("/items?cursor=c2"), Before.NOTHING, Rig::text);
    assertThat(e.body()).isEqualTo("200 [2]");
    assertThat(rig.threads).containsExactly("ahead", Thread.currentThread().getName());
    assertThat(List.of(e.attempts(), e.retries())).containsExactly(2, 1);
    assertThat(rig.retries).containsExactly("1 status 503 100");
  }

  @Test
  void askingForAnotherRequestWhileOneIsInFlightIsABug() {
    rig.answer(ok("[2]"));
    Pipeline p = pipeline(ahead);
    p.sendAhead(get("/items?cursor=c2"));
    assertThatThrownBy(() -> p.send(get("/items?cursor=c3"), Before.NOTHING, Rig::text))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "a read-ahead of GET http://api.test/items?cursor=c2 is in flight, but the run"
                + " asks for GET http://api.test/items?cursor=c3");
  }

  @Test
  void abandonedAfterItWentOutItIsALogicalRequestSent() throws Exception {
    CountDownLatch sent = new CountDownLatch(1);
    rig.answer(
        request -> {
          sent.countDown();
          return ok("[2]").answer(request);
        });
    Pipeline p = pipeline(ahead);
    p.sendAhead(get("/items?cursor=c2"));
    assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
    Exchange<Void> withdrawn = p.abandon();
    assertThat(withdrawn.attempts()).isEqualTo(1);
    assertThat(withdrawn.logical()).isTrue();
    assertThat(withdrawn.call().pagination()).isTrue();
    assertThat(withdrawn.faults()).isEmpty();
  }

  @Test
  void abandonedBeforeItWentOutItIsNeverSent() {
    List<Runnable> queued = new ArrayList<>();
    Pipeline p = pipeline(queued::add);
    p.sendAhead(get("/items?cursor=c2"));
    assertThat(p.abandon()).isNull();
    queued.forEach(Runnable::run);
    assertThat(rig.sent).isEmpty();
  }

  @Test
  void nothingIsReadAheadFromAnInterruptedThread() {
    List<Runnable> queued = new ArrayList<>();
    Pipeline p = pipeline(queued::add);
    Thread.currentThread().interrupt();
    p.sendAhead(get("/items?cursor=c2"));
    assertThat(queued).isEmpty();
  }

  @Test
  void anInterruptWhileWaitingForItCancelsAndCountsItIfItWentOut() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    rig.answer(
        request -> {
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          return ok("[2]").answer(request);
        });
    Pipeline p = pipeline(ahead);
    p.sendAhead(get("/items?cursor=c2"));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.currentThread().interrupt();
    Exchange<String> e = p.send(get("/items?cursor=c2"), Before.NOTHING, Rig::text);
    release.countDown();
    assertThat(e.failure().reason()).isEqualTo(StopReason.CANCELLED);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(rig.sent).hasSize(1);
  }
}
