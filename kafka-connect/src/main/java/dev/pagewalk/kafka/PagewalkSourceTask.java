package dev.pagewalk.kafka;

import dev.pagewalk.Plan;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.http.ApacheTransport;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.spi.Transport;
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
 * Runs the spec's walk — or, for a spec with streams, this task's share of the walks ({@link
 * TaskShare}) on a sync thread, and the walks other tasks hand it on a second one ({@link
 * SpawnLoop}, when {@code pagewalk.kafka.bootstrap.servers} is set) — and returns it a page at a
 * time: {@code poll()} waits at most a second for the next page, so pause, resume and shutdown are
 * prompt. The walk resumes from the offset Connect committed last. Where the connector defines
 * transaction boundaries, each page (and a walk's last page with its report) is one transaction.
 */
public final class PagewalkSourceTask extends SourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(PagewalkSourceTask.class);
  private static final int PAGES_AHEAD = 2;
  private static final long POLL_WAIT_MILLIS = 1000;

  private Plan plan;
  private Runner runner;
  private BlockingQueue<Handoff> queue;
  private SyncLoop loop;
  private StreamsLoop streamsLoop;
  private Thread syncThread;
  private SpawnLoop spawnLoop;
  private Thread spawnThread;
  private ConnectRecords records;
  private StreamRecords streamRecords;
  private Transport transport;

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
    TaskShare share = TaskShare.of(props);
    runner = runner(props, share);
    queue = new ArrayBlockingQueue<>(PAGES_AHEAD);
    if (config.hasStreams()) {
      startStreams(config, share, props);
      return;
    }
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
    HandoffSink sink = new HandoffSink(queue, committed);
    loop =
        new SyncLoop(
            runner, plan, config.input(), sink, queue, config.pollInterval(), Clock.systemUTC());
    syncThread = new Thread(loop, "pagewalk-" + plan.name());
    syncThread.setDaemon(true);
    syncThread.start();
  }

  /** A runner whose requests keep to this task's share of the spec's rate limit, if it has one. */
  private Runner runner(Map<String, String> props, TaskShare share) {
    var rate = PagewalkSourceConnector.rateShare(props);
    if (rate.isEmpty()) {
      return Runner.builder().build();
    }
    RateShare mine = rate.get().share(share.count());
    LOG.info(
        "{}: task {} of {} sends at most {} requests per {}",
        plan.name(),
        share.index(),
        share.count(),
        mine.requests(),
        mine.per());
    transport = new PacedTransport(new ApacheTransport(), mine, Clock.systemUTC());
    return Runner.builder().transport(transport).build();
  }

  private void startStreams(PagewalkConfig config, TaskShare share, Map<String, String> props) {
    streamRecords =
        new StreamRecords(
            config.topicPrefix(), config.statusTopic(), config.positionsTopic(), share.index());
    List<String> streams = config.streams().isEmpty() ? plan.streamNames() : config.streams();
    String bootstrap = config.kafkaBootstrap();
    streamsLoop =
        StreamsLoop.forTask(
            runner,
            plan,
            config.input(),
            config.streams(),
            streams,
            share,
            context.offsetStorageReader()::offset,
            queue,
            bootstrap != null,
            config.pollInterval());
    LOG.info(
        "{}: task {} of {} starts; {}",
        plan.name(),
        share.index(),
        share.count(),
        bootstrap == null
            ? "the walks a parent spawns run in the parent's task ("
                + SpawnConsumer.BOOTSTRAP
                + " is not set)"
            : "the walks a parent spawns run in the task their partition hashes to, handed on"
                + " through "
                + config.positionsTopic());
    syncThread = new Thread(streamsLoop, "pagewalk-" + plan.name() + "-" + share.index());
    syncThread.setDaemon(true);
    syncThread.start();
    if (bootstrap != null) {
      spawnLoop =
          new SpawnLoop(
              runner,
              plan,
              config.input(),
              config.streams(),
              streams,
              share,
              streamsLoop.oldLayout(),
              config.positionsTopic(),
              SpawnConsumer.factory(
                  SpawnConsumer.properties(bootstrap, props, plan.name(), share.index())),
              context.offsetStorageReader()::offset,
              queue,
              StreamsLoop.RETRY_AFTER_FAILURE.compareTo(config.pollInterval()) < 0
                  ? StreamsLoop.RETRY_AFTER_FAILURE
                  : config.pollInterval());
      spawnThread =
          new Thread(spawnLoop, "pagewalk-" + plan.name() + "-" + share.index() + "-spawns");
      spawnThread.setDaemon(true);
      spawnThread.start();
    }
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
    if (next instanceof Handoff.Unit unit) {
      if (unit.ended() != null) {
        announce(unit.stream() + " walk " + unit.walk(), unit.ended());
      }
      out = streamRecords.of(unit);
    } else if (next instanceof Handoff.Positions positions) {
      out = streamRecords.of(positions);
    } else if (next instanceof Handoff.WalkEnded end) {
      announce("walk " + end.result().runId(), end.result());
      out = records.walkEnded(end);
    } else {
      out = records.page((Handoff.Page) next);
    }
    commitAtLast(out);
    return out.isEmpty() ? null : out;
  }

  private void announce(String walk, RunResult result) {
    var report = result.report();
    if (report.verdict() == Verdict.INCOMPLETE) {
      LOG.warn(
          "{}: {} ended INCOMPLETE: {}", plan.name(), walk, String.join("; ", report.reasons()));
    } else {
      LOG.info("{}: {} ended {}", plan.name(), walk, report.verdict());
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
    if (loop != null || streamsLoop != null) {
      if (loop != null) {
        loop.stop();
      } else {
        streamsLoop.stop();
      }
      if (spawnLoop != null) {
        spawnLoop.stop();
        spawnThread.interrupt();
      }
      syncThread.interrupt();
      try {
        syncThread.join(5_000);
        if (spawnThread != null) {
          spawnThread.join(5_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      runner.close();
      if (transport != null) {
        transport.close();
      }
    }
  }
}
