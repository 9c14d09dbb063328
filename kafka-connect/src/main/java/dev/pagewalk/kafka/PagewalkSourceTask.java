package dev.pagewalk.kafka;

import dev.pagewalk.Plan;
import dev.pagewalk.Runner;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.state.Checkpoint;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the spec's walk on a sync thread and returns it a page at a time: {@code poll()} waits at
 * most a second for the next page, so pause, resume and shutdown are prompt. The walk resumes from
 * the offset Connect committed last. Where the connector defines transaction boundaries, each page
 * (and a walk's last page with its report) is one transaction.
 */
public final class PagewalkSourceTask extends SourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(PagewalkSourceTask.class);
  private static final int PAGES_AHEAD = 2;
  private static final long POLL_WAIT_MILLIS = 1000;

  private Plan plan;
  private Runner runner;
  private BlockingQueue<Handoff> queue;
  private SyncLoop loop;
  private Thread syncThread;
  private ConnectRecords records;

  /** Made by Connect. */
  public PagewalkSourceTask() {}

  @Override
  public String version() {
    return Version.VALUE;
  }

  @Override
  public void start(Map<String, String> props) {
    PagewalkConfig config = PagewalkSourceConnector.configOf(props);
    plan = config.plan();
    records = new ConnectRecords(plan.name(), "", config.recordTopic(), config.statusTopic());
    Map<String, Object> offset = context.offsetStorageReader().offset(records.partition());
    Checkpoint committed = WalkPosition.checkpoint(records.partition(), offset);
    LOG.info(
        "{}: starting {}",
        plan.name(),
        committed == null
            ? "from the first page (no committed offset)"
            : "from the committed offset: run "
                + committed.runId()
                + ", "
                + committed.status()
                + " after page "
                + committed.pagesDone());
    runner = Runner.builder().build();
    queue = new ArrayBlockingQueue<>(PAGES_AHEAD);
    HandoffSink sink = new HandoffSink(queue, committed);
    loop =
        new SyncLoop(
            runner, plan, config.input(), sink, queue, config.pollInterval(), Clock.systemUTC());
    syncThread = new Thread(loop, "pagewalk-" + plan.name());
    syncThread.setDaemon(true);
    syncThread.start();
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    Handoff next = queue.poll(POLL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    if (next == null) {
      return null;
    }
    if (next instanceof Handoff.Failed failed) {
      throw new ConnectException(plan.name() + ": " + failed.error().getMessage(), failed.error());
    }
    List<SourceRecord> out;
    if (next instanceof Handoff.WalkEnded end) {
      announce(end);
      out = records.walkEnded(end);
    } else {
      out = records.page((Handoff.Page) next);
    }
    commitAtLast(out);
    return out.isEmpty() ? null : out;
  }

  private void announce(Handoff.WalkEnded end) {
    var report = end.result().report();
    if (report.verdict() == Verdict.INCOMPLETE) {
      LOG.warn(
          "{}: walk {} ended INCOMPLETE: {}",
          plan.name(),
          end.result().runId(),
          String.join("; ", report.reasons()));
    } else {
      LOG.info("{}: walk {} ended {}", plan.name(), end.result().runId(), report.verdict());
    }
  }

  private void commitAtLast(List<SourceRecord> out) {
    TransactionContext transaction = context.transactionContext();
    if (transaction != null && !out.isEmpty()) {
      transaction.commitTransaction(out.get(out.size() - 1));
    }
  }

  @Override
  public void stop() {
    if (loop != null) {
      loop.stop();
      syncThread.interrupt();
      try {
        syncThread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      runner.close();
    }
  }
}
