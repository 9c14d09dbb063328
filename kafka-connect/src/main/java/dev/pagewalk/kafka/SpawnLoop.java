package dev.pagewalk.kafka;

import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.SyncMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of a task that runs the walks handed to it: reads the spawn records of the positions
 * topic ({@code read_committed}, every partition assigned, no consumer group) from the positions
 * its offsets hold, and runs each poll's records addressed to it as the spawns' run resumed ({@link
 * ReceivedWalkSink}), one run id after the other. Task {@code j} of {@code N} takes the spawns for
 * the tasks {@code k} with {@code k mod N == j}, whatever task count they were written under, and
 * runs each as task {@code k} of that count ({@code TaskShare(k, tasks)}), so the walks it spawns
 * in turn are routed as that count's tasks route them, and reach their new owner by the same rule.
 * After a change of the task count ({@link OldLayout}) it reads each partition from the smallest
 * read position of itself and the old tasks it takes over, and hands that start on as its own
 * position at once (a restart after the old count is no longer visible then starts there, not past
 * the old tasks' unread spawns). Only when every walk of a poll has finished does it hand on the
 * positions after that poll ({@link Handoff.Positions}), and after polls with nothing for it, every
 * 30 of them, the positions it read past when they passed spawns for other tasks; a poll with an
 * unfinished walk runs again after at most 30 s. A restarted task reads the spawns after its
 * committed positions again: finished walks are skipped, unfinished ones resume.
 */
final class SpawnLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SpawnLoop.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  // polls without a spawn between two looks for partitions added to the topic
  private static final long PARTITIONS_EVERY = 30;
  // within the 5 s the task waits for this thread when it stops
  private static final Duration CLOSE = Duration.ofSeconds(3);

  private final Runner runner;
  private final Plan plan;
  private final RunInput input;
  private final List<String> selected;
  private final List<String> streams;
  private final TaskShare share;
  private final OldLayout old;
  private final String topic;
  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final Function<Map<String, ?>, Map<String, Object>> offsets;
  private final BlockingQueue<Handoff> queue;
  private final Duration retry;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * Runs the walks handed to {@code share} through {@code topic}: the walks of the {@code selected}
   * streams' runs (empty: all), which write {@code streams}; a poll with an unfinished walk runs
   * again after {@code retry}. {@code old} is the task count before a change the task found at its
   * start (null: none).
   */
  SpawnLoop(
      Runner runner,
      Plan plan,
      RunInput input,
      List<String> selected,
      List<String> streams,
      TaskShare share,
      OldLayout old,
      String topic,
      Supplier<Consumer<byte[], byte[]>> consumers,
      Function<Map<String, ?>, Map<String, Object>> offsets,
      BlockingQueue<Handoff> queue,
      Duration retry) {
    this.runner = runner;
    this.plan = plan;
    this.input = input;
    this.selected = List.copyOf(selected);
    this.streams = List.copyOf(streams);
    this.share = share;
    this.old = old;
    this.topic = topic;
    this.consumers = consumers;
    this.offsets = offsets;
    this.queue = queue;
    this.retry = retry;
  }

  void stop() {
    stopped.countDown();
  }

  @Override
  public void run() {
    try {
      Consumer<byte[], byte[]> consumer = consumers.get();
      try {
        read(consumer);
      } finally {
        close(consumer);
      }
    } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (stopped.getCount() > 0) {
        queue.offer(new Handoff.Failed(e));
      }
    }
  }

  /** Reads the spawns for this task and runs their walks, a poll at a time, until it stops. */
  private void read(Consumer<byte[], byte[]> consumer) throws InterruptedException {
    List<TopicPartition> partitions = partitions(consumer);
    if (partitions.isEmpty()) {
      return;
    }
    assign(consumer, partitions);
    LOG.info("{}: task {} reads the walks handed to it from {}", plan.name(), share.index(), topic);
    Map<TopicPartition, Long> read = new HashMap<>();
    if (old != null) {
      for (TopicPartition tp : consumer.assignment()) {
        read.put(tp, consumer.position(tp));
      }
      queue.put(new Handoff.Positions(read));
    }
    // spawn records for other tasks read past since the last commit of the positions (records
    // without a value, the positions' own among them, do not count: committing them would write
    // more)
    boolean passedSpawns = false;
    long polls = 0;
    while (stopped.getCount() > 0) {
      List<SpawnRecord> mine = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        read.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
        passedSpawns |= r.value() != null;
        spawnIn(r).ifPresent(mine::add);
      }
      if (mine.isEmpty()) {
        if (++polls % PARTITIONS_EVERY == 0) {
          assign(consumer, partitions(consumer));
          if (passedSpawns) {
            queue.put(new Handoff.Positions(read));
            passedSpawns = false;
          }
        }
        continue;
      }
      if (!runAll(mine)) {
        return;
      }
      queue.put(new Handoff.Positions(read));
      passedSpawns = false;
    }
  }

  /**
   * Closes {@code consumer} with this thread's interrupt (how the task stops it) set aside: an
   * interrupted consumer cannot end its fetch sessions and logs an ERROR with a stack trace.
   */
  private static void close(Consumer<byte[], byte[]> consumer) {
    boolean interrupted = Thread.interrupted();
    try {
      consumer.close(CloseOptions.timeout(CLOSE));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Assigns {@code partitions} (all the topic's, some perhaps added since the last call), each new
   * one from the position the task's offsets hold for it, or from its start; after a change of the
   * task count, from the smallest position of this task and the old tasks it takes over (from the
   * start when one of them has none).
   */
  private void assign(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
    Set<TopicPartition> before = consumer.assignment();
    if (partitions.isEmpty() || before.containsAll(partitions)) {
      return;
    }
    consumer.assign(partitions);
    for (TopicPartition tp : partitions) {
      if (before.contains(tp)) {
        continue;
      }
      Long next = null;
      for (int task : old == null ? List.of(share.index()) : old.readers(share)) {
        Map<String, String> partition = SpawnPositions.partition(task, tp);
        Long at = SpawnPositions.next(partition, offsets.apply(partition));
        if (at == null) {
          next = null;
          break;
        }
        next = next == null ? at : Math.min(next, at);
      }
      if (next == null) {
        consumer.seekToBeginning(List.of(tp));
      } else {
        consumer.seek(tp, next);
      }
    }
  }

  /** The topic's partitions, once it exists; empty when the task stops first. */
  private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer)
      throws InterruptedException {
    while (true) {
      List<PartitionInfo> infos;
      try {
        infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        throw new ConnectException(
            "task "
                + share.index()
                + " cannot read the walks handed to it: no answer about "
                + topic
                + " in 30 s from the cluster "
                + SpawnConsumer.BOOTSTRAP
                + " names: "
                + e.getMessage(),
            e);
      }
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      if (stopped.await(1, TimeUnit.SECONDS)) {
        return List.of();
      }
    }
  }

  /**
   * The spawn record {@code r} holds when it is for this task (its task modulo this task count) and
   * its streams; empty for the topic's other records.
   */
  private java.util.Optional<SpawnRecord> spawnIn(ConsumerRecord<byte[], byte[]> r) {
    SpawnRecord spawn;
    try {
      spawn = SpawnRecord.read(r.value()).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new ConnectException(
          topic
              + " partition "
              + r.partition()
              + " offset "
              + r.offset()
              + " holds a value that is "
              + e.getMessage()
              + "; the connector's value.converter must be the JsonConverter or the"
              + " StringConverter",
          e);
    }
    if (spawn == null || Math.floorMod(spawn.task(), share.count()) != share.index()) {
      return java.util.Optional.empty();
    }
    if (!spawn.run().streams().equals(streams)) {
      LOG.info(
          "{}: task {} skips {} walk {} of run {}: it was handed on for the streams {}, this task"
              + " runs {}",
          plan.name(),
          share.index(),
          spawn.stream(),
          spawn.walk(),
          spawn.run().runId(),
          spawn.run().streams(),
          streams);
      return Optional.empty();
    }
    return Optional.of(spawn);
  }

  private record Batch(String run, int task, int tasks) {}

  /**
   * Runs the walks of {@code spawns}, one run id (and task they were for) after the other, each
   * until all its walks have finished; false when the task stopped first.
   */
  private boolean runAll(List<SpawnRecord> spawns) throws InterruptedException {
    Map<Batch, List<SpawnRecord>> byRun = new LinkedHashMap<>();
    for (SpawnRecord s : spawns) {
      byRun
          .computeIfAbsent(new Batch(s.run().runId(), s.task(), s.tasks()), k -> new ArrayList<>())
          .add(s);
    }
    for (Map.Entry<Batch, List<SpawnRecord>> e : byRun.entrySet()) {
      List<SpawnRecord> batch = e.getValue();
      TaskShare as = new TaskShare(e.getKey().task(), e.getKey().tasks());
      ReceivedWalkSink sink = new ReceivedWalkSink(as, batch.get(0).run(), batch, offsets, queue);
      LOG.info(
          "{}: task {} runs {} walks handed to it by run {}{}",
          plan.name(),
          share.index(),
          batch.size(),
          batch.get(0).run().runId(),
          as.equals(share) ? "" : ", as task " + as.index() + " of " + as.count());
      while (true) {
        runner.syncStreams(plan, input, selected, sink, SyncMode.RESUME, null, RunListener.NONE);
        if (sink.allFinished()) {
          break;
        }
        if (stopped.getCount() == 0) {
          return false;
        }
        LOG.info(
            "{}: task {}: not every walk handed to it by run {} finished; they resume in {} s",
            plan.name(),
            share.index(),
            batch.get(0).run().runId(),
            retry.toSeconds());
        if (stopped.await(retry.toMillis(), TimeUnit.MILLISECONDS)) {
          return false;
        }
      }
    }
    return true;
  }
}
