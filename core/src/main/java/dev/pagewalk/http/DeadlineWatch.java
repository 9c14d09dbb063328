package dev.pagewalk.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The timer behind the hard deadlines of one transport's requests. Scheduling a task per request
 * wakes the timer thread every time (the new task heads its queue), a context switch per page on a
 * core the server or the parsing could use. Here a request only joins a set; the timer thread is
 * woken only when a request's deadline is earlier than the check it already waits for. Requests
 * with the same deadline sent one after another so wake it about once per deadline period, and each
 * check expires every request whose deadline has passed and waits for the earliest of the rest.
 */
final class DeadlineWatch {
  private final ScheduledExecutorService scheduler;
  private final Set<DeadlineGuard> active = ConcurrentHashMap.newKeySet();

  /**
   * The check waited for (null: none), the time it runs at, and which arming it was. Guarded by
   * this.
   */
  private ScheduledFuture<?> pending;

  private long pendingAt;
  private long generation;

  DeadlineWatch(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Watches {@code guard} until {@link #remove}: expires it once its deadline has passed. */
  void add(DeadlineGuard guard) {
    active.add(guard);
    synchronized (this) {
      if (pending == null || guard.deadlineNanos() - pendingAt < 0) {
        arm(guard.deadlineNanos());
      }
    }
  }

  void remove(DeadlineGuard guard) {
    active.remove(guard);
  }

  /** Called holding this. */
  private void arm(long at) {
    if (pending != null) {
      pending.cancel(false);
    }
    long armed = ++generation;
    pendingAt = at;
    pending =
        scheduler.schedule(
            () -> check(armed), Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void check(long armed) {
    long now = System.nanoTime();
    synchronized (this) {
      boolean any = false;
      long next = 0;
      for (DeadlineGuard g : active) {
        if (g.deadlineNanos() - now <= 0) {
          active.remove(g);
          g.expire();
        } else if (!any || g.deadlineNanos() - next < 0) {
          next = g.deadlineNanos();
          any = true;
        }
      }
      if (armed == generation) { // a newer arming is still to run and re-arms for itself
        pending = null;
        if (any) {
          arm(next);
        }
      }
    }
  }
}
