package dev.pagewalk.kafka;

import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync thread of a task of a spec with streams: runs the task's share of the walks into its
 * {@link ConnectWalkSink}, waits the poll interval and runs again, until stopped. The first run
 * resumes the run Connect's offsets hold for the task (nothing to do for the walks it finished); a
 * run with a failed walk is resumed after at most 30 s; after a run without failures the next one
 * starts fresh.
 */
final class StreamsLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsLoop.class);
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

  private final Runner runner;
  private final Plan plan;
  private final RunInput input;
  private final List<String> streams;
  private final ConnectWalkSink sink;
  private final BlockingQueue<Handoff> queue;
  private final Duration interval;
  private final CountDownLatch stopped = new CountDownLatch(1);

  StreamsLoop(
      Runner runner,
      Plan plan,
      RunInput input,
      List<String> streams,
      ConnectWalkSink sink,
      BlockingQueue<Handoff> queue,
      Duration interval) {
    this.runner = runner;
    this.plan = plan;
    this.input = input;
    this.streams = List.copyOf(streams);
    this.sink = sink;
    this.queue = queue;
    this.interval = interval;
  }

  /**
   * The sync thread of task {@code share}, whose runs write {@code streams} (the {@code selected}
   * ones, empty for all) into a {@link ConnectWalkSink} over Connect's {@code offsets}; with {@code
   * handsOff}, the walks its pages spawn for other tasks are handed to them.
   */
  static StreamsLoop forTask(
      Runner runner,
      Plan plan,
      RunInput input,
      List<String> selected,
      List<String> streams,
      TaskShare share,
      Function<Map<String, ?>, Map<String, Object>> offsets,
      BlockingQueue<Handoff> queue,
      boolean handsOff,
      Duration interval) {
    ConnectWalkSink sink = new ConnectWalkSink(share, streams, offsets, queue, handsOff);
    return new StreamsLoop(runner, plan, input, selected, sink, queue, interval);
  }

  void stop() {
    stopped.countDown();
  }

  @Override
  public void run() {
    SyncMode mode = SyncMode.RESUME;
    try {
      while (stopped.getCount() > 0) {
        StreamsResult result =
            runner.syncStreams(plan, input, streams, sink, mode, null, RunListener.NONE);
        boolean failed =
            result.streams().stream()
                .flatMap(s -> s.walks().stream())
                .anyMatch(w -> w.failure() != null);
        LOG.info("{}: run {} ended {}", plan.name(), result.runId(), result.verdict());
        mode = failed ? SyncMode.RESUME : SyncMode.APPEND;
        Duration pause =
            failed && RETRY_AFTER_FAILURE.compareTo(interval) < 0 ? RETRY_AFTER_FAILURE : interval;
        if (stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (stopped.getCount() > 0) {
        queue.offer(new Handoff.Failed(e));
      }
    }
  }
}
