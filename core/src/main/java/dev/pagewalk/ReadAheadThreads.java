package dev.pagewalk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A runner's read-ahead threads: daemons, made as concurrent runs need them, gone when idle. */
final class ReadAheadThreads {
  private ReadAheadThreads() {}

  static ExecutorService pool() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        30,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "pagewalk-read-ahead-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
