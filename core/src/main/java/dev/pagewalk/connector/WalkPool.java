package dev.pagewalk.connector;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The walk threads of one connector run: {@code concurrency} of them, and at most {@code 2 ×
 * concurrency} walks waiting for one. The run's thread waits for room before it adds a walk; a walk
 * thread that finds no room runs the new walk itself (a child walk, depth first), so neither the
 * queue nor the walks in flight grow with the number of walks, and a full queue never blocks the
 * walk that would empty it. The run's thread never runs a walk: at most {@code concurrency} are in
 * flight.
 */
final class WalkPool implements AutoCloseable {
  private final ExecutorService threads;
  private final Semaphore room;
  private int outstanding;

  WalkPool(int concurrency, String name) {
    AtomicInteger count = new AtomicInteger();
    this.room = new Semaphore(2 * concurrency);
    this.threads =
        new ThreadPoolExecutor(
            concurrency,
            concurrency,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "pagewalk-walk-" + name + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Adds a walk from the run's thread, waiting for room in the queue. */
  void add(Runnable walk) throws InterruptedException {
    room.acquire();
    started();
    threads.execute(
        () -> {
          room.release();
          runCounted(walk);
        });
  }

  /**
   * Adds a walk from a walk thread: queued when there is room, else run here and now; dropped once
   * the run was cancelled (a resumed run starts it).
   */
  void addFromWalk(Runnable walk) {
    if (threads.isShutdown()) {
      return;
    }
    started();
    if (room.tryAcquire()) {
      try {
        threads.execute(
            () -> {
              room.release();
              runCounted(walk);
            });
      } catch (RejectedExecutionException cancelled) {
        room.release();
        ended();
      }
    } else {
      runCounted(walk);
    }
  }

  /** Waits until every walk added has ended. */
  synchronized void awaitAll() throws InterruptedException {
    while (outstanding > 0) {
      wait();
    }
  }

  private synchronized void started() {
    outstanding++;
  }

  private void runCounted(Runnable walk) {
    try {
      walk.run();
    } finally {
      ended();
    }
  }

  private synchronized void ended() {
    outstanding--;
    if (outstanding == 0) {
      notifyAll();
    }
  }

  /** Interrupts the walks in flight (a cancelled run) and drops those waiting. */
  void cancel() {
    threads.shutdownNow();
  }

  /** Waits for the walks in flight (a cancelled run's end their way) and ends the threads. */
  @Override
  public void close() {
    threads.shutdown();
    try {
      threads.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
