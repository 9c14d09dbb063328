package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deadlines expire on time without a timer task per request. */
class DeadlineWatchTest {
  private final AtomicInteger scheduled = new AtomicInteger();

  /**
   * Counts the tasks scheduled (its own task count also counts a worker that has not started yet).
   */
  private final ScheduledThreadPoolExecutor scheduler =
      new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
          scheduled.incrementAndGet();
          return super.schedule(command, delay, unit);
        }
      };

  private final DeadlineWatch watch = new DeadlineWatch(scheduler);

  DeadlineWatchTest() {
    scheduler.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static CountDownLatch cancelledOn(DeadlineGuard guard) {
    CountDownLatch cancelled = new CountDownLatch(1);
    guard.watch(cancelled::countDown);
    return cancelled;
  }

  @Test
  void requestsSentOneAfterAnotherArmTheTimerOnce() {
    for (int i = 0; i < 500; i++) {
      try (DeadlineGuard guard = DeadlineGuard.start(Duration.ofSeconds(30), watch)) {
        assertThat(guard.expired()).isFalse();
      }
    }
    assertThat(scheduled.get()).isEqualTo(1);
  }

  @Test
  void anEarlierDeadlineArrivingLaterStillExpiresOnTime() throws Exception {
    try (DeadlineGuard slow = DeadlineGuard.start(Duration.ofSeconds(30), watch);
        DeadlineGuard fast = DeadlineGuard.start(Duration.ofMillis(100), watch)) {
      CountDownLatch fastCancelled = cancelledOn(fast);
      CountDownLatch slowCancelled = cancelledOn(slow);
      long start = System.nanoTime();
      assertThat(fastCancelled.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(System.nanoTime() - start)
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(80));
      assertThat(fast.expired()).isTrue();
      assertThat(slowCancelled.getCount()).isEqualTo(1);
      assertThat(slow.expired()).isFalse();
    }
  }

  @Test
  void afterOneExpiresTheNextIsWatched() throws Exception {
    try (DeadlineGuard first = DeadlineGuard.start(Duration.ofMillis(50), watch);
        DeadlineGuard second = DeadlineGuard.start(Duration.ofMillis(250), watch)) {
      CountDownLatch a = cancelledOn(first);
      CountDownLatch b = cancelledOn(second);
      assertThat(a.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(b.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(second.expired()).isTrue();
    }
  }

  @Test
  void aClosedGuardIsNeverCancelled() throws Exception {
    DeadlineGuard done = DeadlineGuard.start(Duration.ofMillis(30), watch);
    CountDownLatch cancelled = cancelledOn(done);
    done.close();
    try (DeadlineGuard later = DeadlineGuard.start(Duration.ofMillis(120), watch)) {
      assertThat(cancelledOn(later).await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(cancelled.getCount()).isEqualTo(1);
  }
}
