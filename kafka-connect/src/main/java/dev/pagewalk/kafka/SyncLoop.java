package dev.pagewalk.kafka;

import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SyncMode;
import dev.pagewalk.state.Checkpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's sync thread: runs the spec's walk into a {@link HandoffSink}, hands the walk's end to
 * {@code poll()}, waits the poll interval and runs again, until stopped. The first run resumes from
 * the committed checkpoint (nothing to do when that walk completed); later runs resume an
 * unfinished walk, or start the next one (an incremental spec continues after its watermark).
 */
final class SyncLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

  private final Runner runner;
  private final Plan plan;
  private final RunInput input;
  private final HandoffSink sink;
  private final BlockingQueue<Handoff> queue;
  private final Duration interval;
  private final Clock clock;
  private final CountDownLatch stopped = new CountDownLatch(1);

  SyncLoop(
      Runner runner,
      Plan plan,
      RunInput input,
      HandoffSink sink,
      BlockingQueue<Handoff> queue,
      Duration interval,
      Clock clock) {
    this.runner = runner;
    this.plan = plan;
    this.input = input;
    this.sink = sink;
    this.queue = queue;
    this.interval = interval;
    this.clock = clock;
  }

  /** Ends the loop: the current walk is cancelled, and no other starts. */
  void stop() {
    stopped.countDown();
  }

  private boolean stopping() {
    return stopped.getCount() == 0;
  }

  @Override
  public void run() {
    SyncMode mode = SyncMode.RESUME;
    try {
      while (!stopping()) {
        RunResult result = runner.sync(plan, input, sink, mode, null, RunListener.NONE);
        Handoff.Page last = sink.takeLastPage();
        if (stopping()) {
          return;
        }
        result.notes().forEach(note -> LOG.info("{}: {}", plan.name(), note));
        if (sink.pagesThisRun() > 0 || !result.succeeded()) {
          queue.put(new Handoff.WalkEnded(last, result, sink.latest()));
        }
        Checkpoint at = sink.latest();
        mode = at != null && at.resumable() ? SyncMode.RESUME : SyncMode.APPEND;
        if (stopped.await(pause(result, at).toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (!stopping()) {
        queue.offer(new Handoff.Failed(e));
      }
    }
  }

  /**
   * How long to wait before the next run: the interval after a walk's end, less after a failure.
   */
  private Duration pause(RunResult result, Checkpoint at) {
    if (!result.succeeded()) {
      return RETRY_AFTER_FAILURE.compareTo(interval) < 0 ? RETRY_AFTER_FAILURE : interval;
    }
    if (sink.pagesThisRun() == 0 && at != null && at.savedAt() != null) {
      try {
        Duration since = Duration.between(Instant.parse(at.savedAt()), clock.instant());
        return since.compareTo(interval) >= 0 ? Duration.ZERO : interval.minus(since);
      } catch (DateTimeParseException e) {
        return interval;
      }
    }
    return interval;
  }
}
