package dev.pagewalk.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap use during one measured run: the peak of used heap (sum of the heap pools' peaks, which
 * includes garbage not yet collected) and the peak of heap still in use right after a GC (what the
 * run actually retains).
 */
final class HeapWatch {
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
  private final Set<String> heapPoolNames =
      heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final AtomicLong maxAfterGc = new AtomicLong();

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (n, h) -> {
              if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                  n.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used =
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapPoolNames.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed())
                        .sum();
                maxAfterGc.accumulateAndGet(used, Math::max);
              }
            },
            null,
            null);
      }
    }
  }

  /** Collects garbage and starts a new measurement. */
  void reset() {
    System.gc();
    pause();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    maxAfterGc.set(0);
  }

  long peakUsed() {
    return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /**
   * Peak used right after a GC (0 when no GC ran); read a moment after the run, notifications are
   * asynchronous.
   */
  long peakAfterGc() {
    pause();
    return maxAfterGc.get();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
