package dev.pagewalk.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and allocation of the threads a run works on: the thread that calls the side, and
 * pagewalk's read-ahead threads (which send and parse the next page while a page is written). The
 * server's threads are not counted on either side.
 */
final class RunThreads {
  private static final String READ_AHEAD = "pagewalk-read-ahead-";
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Per thread id: CPU nanoseconds and bytes allocated so far. */
  record Snapshot(Map<Long, long[]> byThread) {
    /**
     * What each thread used since {@code before} (a thread that did not exist then counts from 0).
     */
    Snapshot since(Snapshot before) {
      Map<Long, long[]> out = new HashMap<>();
      byThread.forEach(
          (id, now) -> {
            long[] then = before.byThread.getOrDefault(id, new long[2]);
            out.put(id, new long[] {now[0] - then[0], now[1] - then[1]});
          });
      return new Snapshot(out);
    }

    long cpuNanos() {
      return byThread.values().stream().mapToLong(v -> v[0]).sum();
    }

    long allocatedBytes() {
      return byThread.values().stream().mapToLong(v -> v[1]).sum();
    }
  }

  Snapshot snapshot() {
    Map<Long, long[]> out = new HashMap<>();
    Thread me = Thread.currentThread();
    out.put(me.getId(), measure(me.getId()));
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(READ_AHEAD)) {
        out.put(t.getId(), measure(t.getId()));
      }
    }
    return new Snapshot(out);
  }

  private long[] measure(long id) {
    return new long[] {
      Math.max(0, threads.getThreadCpuTime(id)), Math.max(0, threads.getThreadAllocatedBytes(id))
    };
  }
}
