package dev.pagewalk.kafka;

import static dev.pagewalk.RunListener.NONE;

import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import java.time.Duration;
import java.util.ArrayList;
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
 * starts fresh. After a change of the task count ({@link OldLayout}) it first resumes the runs of
 * the old tasks it takes over, each into a sink of that old task's share, as that task would have
 * after a restart; its own first run starts a poll interval after they finished.
 */
final class StreamsLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsLoop.class);
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

  private final Runner runner;
  private final Plan plan;
  private final RunInput input;
  private final List<String> streams;
  private final OldLayout old;
  private final List<ConnectWalkSink> oldRuns;
  private final ConnectWalkSink sink;
  private final BlockingQueue<Handoff> queue;
  private final Duration interval;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private StreamsLoop(
      Runner runner,
      Plan plan,
      RunInput input,
      List<String> streams,
      OldLayout old,
      List<ConnectWalkSink> oldRuns,
      ConnectWalkSink sink,
      BlockingQueue<Handoff> queue,
      Duration interval) {
    this.runner = runner;
    this.plan = plan;
    this.input = input;
    this.streams = List.copyOf(streams);
    this.old = old;
    this.oldRuns = List.copyOf(oldRuns);
    this.sink = sink;
    this.queue = queue;
    this.interval = interval;
  }

  /**
   * The sync thread of task {@code share}, whose runs write {@code streams} (the {@code selected}
   * ones, empty for all) into a {@link ConnectWalkSink} over Connect's {@code offsets}; with {@code
   * handsOff}, the walks its pages spawn for other tasks are handed to them. When the offsets hold
   * runs of another task count ({@link OldLayout#of}), it finishes those it takes over first.
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
    OldLayout old = OldLayout.of(share, streams, offsets).orElse(null);
    List<ConnectWalkSink> oldRuns = new ArrayList<>();
    if (old != null) {
      LOG.info(
          "{}: task {} of {} finds runs of {} tasks; it finishes those of the tasks {} first, and"
              + " starts its own run a poll interval after",
          plan.name(),
          share.index(),
          share.count(),
          old.tasks(),
          old.runs().stream().map(TaskShare::index).toList());
      for (TaskShare oldShare : old.runs()) {
        oldRuns.add(new ConnectWalkSink(oldShare, streams, offsets, queue, handsOff));
      }
    }
    ConnectWalkSink sink = new ConnectWalkSink(share, streams, offsets, queue, handsOff);
    return new StreamsLoop(runner, plan, input, selected, old, oldRuns, sink, queue, interval);
  }

  /** The task count before a change this task found at its start; null when there was none. */
  OldLayout oldLayout() {
    return old;
  }

  void stop() {
    stopped.countDown();
  }

  @Override
  public void run() {
    SyncMode mode = SyncMode.RESUME;
    try {
      if (old != null) {
        for (ConnectWalkSink oldRun : oldRuns) {
          if (!finish(oldRun)) {
            return;
          }
        }
        mode = SyncMode.APPEND;
        if (stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      }
      while (stopped.getCount() > 0) {
        boolean failed = failed(runner.syncStreams(plan, input, streams, sink, mode, null, NONE));
        mode = failed ? SyncMode.RESUME : SyncMode.APPEND;
        if (stopped.await(pause(failed).toMillis(), TimeUnit.MILLISECONDS)) {
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

  /**
   * Resumes an old task's run until none of its walks failed; false when the task stopped first.
   */
  private boolean finish(ConnectWalkSink oldRun) throws InterruptedException {
    while (stopped.getCount() > 0) {
      if (!failed(runner.syncStreams(plan, input, streams, oldRun, SyncMode.RESUME, null, NONE))) {
        return true;
      }
      if (stopped.await(pause(true).toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return false;
  }

  private boolean failed(StreamsResult result) {
    LOG.info("{}: run {} ended {}", plan.name(), result.runId(), result.verdict());
    return result.streams().stream()
        .flatMap(s -> s.walks().stream())
        .anyMatch(w -> w.failure() != null);
  }

  private Duration pause(boolean failed) {
    return failed && RETRY_AFTER_FAILURE.compareTo(interval) < 0 ? RETRY_AFTER_FAILURE : interval;
  }
}
