package dev.pagewalk.engine;

import dev.pagewalk.CancelledException;
import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Sleeper;
import dev.pagewalk.StopReason;
import dev.pagewalk.SyncMode;
import dev.pagewalk.audit.Auditor;
import dev.pagewalk.audit.RunReport;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Executes one run of a plan. Internal: embedders use {@link dev.pagewalk.Runner}, which holds
 * the plug-ins and calls this.
 */
public final class Engine {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);

  private Engine() {}

  /**
   * The plug-ins of a run. {@code correlationHeader}, when not null, names a request header that
   * carries the run id on every request. {@code readAhead}, when not null, sends the next
   * page's request while a page is written (see {@link dev.pagewalk.Runner.Builder#readAhead}).
   */
  public record Plugins(
      Exchanger transport, Clock clock, Sleeper sleeper, RunListener listener,
      String correlationHeader, Executor readAhead) {}

  /**
   * Runs the plan, delivering records to {@code sink} page by page. Failures are reported in the
   * result; invalid inputs throw {@link InputException} before any request is sent.
   */
  public static RunResult run(Plan plan, RunInput input, Consumer<OutputRecord> sink, Plugins p) {
    PageWriter writer = (records, checkpoint) -> PageWriter.each(records, sink);
    return execute(plan, input, writer, null, null, List.of(), null, p);
  }

  /**
   * Runs the plan into a {@link RecordSink} as the sync {@code syncName}, writing a checkpoint
   * with every page; {@code mode} says what happens to what the sink holds (see {@link
   * SyncMode}), and {@link SyncStart} decides where the run starts. Refusals (a different sync,
   * a destination that would lose or double records) throw {@link InputException} before anything
   * is written.
   */
  public static RunResult sync(
      Plan plan, RunInput input, RecordSink sink, SyncMode mode, String syncName, Plugins p) {
    String stream = SyncStart.checkName(plan, syncName == null ? plan.name() : syncName);
    Optional<Checkpoint> saved;
    try {
      saved = mode == SyncMode.REPLACE ? Optional.empty() : sink.checkpoint(stream);
    } catch (IOException e) {
      throw new InputException(plan.name() + ": cannot read the checkpoint: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InputException(plan.name() + ": " + e.getMessage());
    }
    SyncStart start = SyncStart.decide(plan, input, stream, mode, saved);
    if (start.done() != null) {
      return nothingToDo(plan, p.clock(), start.done(), start.notes());
    }
    try {
      sink.open(start.mode(), stream, start.from());
    } catch (IOException e) {
      throw new InputException(plan.name() + ": cannot open the sink: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InputException(plan.name() + ": " + e.getMessage());
    }
    PageWriter writer =
        (records, checkpoint) -> {
          try {
            // a sink gets plain records, each value built once, whatever it does with the list
            sink.write(List.copyOf(records), checkpoint.get());
          } catch (IOException e) {
            throw new RunStop(StopReason.ERROR, new RunFailureException(
                plan.name() + ": writing to the sink failed: " + e.getMessage(), e));
          }
        };
    Checkpoint from = start.from();
    ResumePoint rp = from == null ? null
        : new ResumePoint(from.page(), from.pagination(), from.temp(), from.next());
    return execute(plan, start.input(), writer, rp, from, start.notes(), start.identity(), p);
  }

  private static RunResult execute(
      Plan plan, RunInput input, PageWriter writer, ResumePoint resume, Checkpoint from,
      List<String> notes, SyncIdentity identity, Plugins p) {
    Instant started = p.clock().instant();
    Map<String, Object> params =
        InputBinder.bind(plan.name(), "parameter", plan.parameters(), input.parameters());
    Map<String, Object> connection =
        InputBinder.bind(plan.name(), "connection value", plan.connection(), input.connection());
    String now = DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.MILLIS));
    RunState state = new RunState(params, connection, input.state(), now, started.getEpochSecond());
    Redactor redactor = Redactor.of(plan.parameters(), params, plan.connection(), connection)
        .withSanitized(plan.requests().stream().flatMap(r -> r.sanitize().stream()).toList());
    RunContext run =
        new RunContext(
            from != null ? from.runId() : UUID.randomUUID().toString(), plan, input, state,
            p.transport(), p.clock(), p.sleeper(), p.listener(), redactor);
    run.correlationHeader = p.correlationHeader();
    run.readAhead = p.readAhead();
    if (from != null) {
      restore(run.counters, from.counters());
    }
    org.slf4j.MDC.put("pagewalk.runId", run.runId);
    LOG.info("[{}] {}: run starts{}", run.runId, plan.name(), from == null ? "" : " (resumed)");
    p.listener().onStart(run.runId, plan.name());
    SecretPlaceholders secrets = new SecretPlaceholders(state, plan.parameters(), plan.connection());
    Checkpoints checkpoints = new Checkpoints(run, secrets, identity);
    Auditor auditor = newAuditor(plan);
    PageAcceptor acceptor =
        new PageAcceptor(run, auditor, new KeySet(), watermarkOf(plan, input.state()),
            plan.sync().incremental() ? now : null);
    if (from != null && from.watermark() != null && from.watermark().containsKey("cursor")) {
      acceptor.watermark = new ArrayList<>(
          java.util.Arrays.asList(from.watermark().get("cursor"), from.watermark().get("tieBreaker")));
    }
    List<String> allNotes = new ArrayList<>(notes);
    StopReason reason;
    PagewalkException failure = null;
    List<Map<String, Object>> walks = null;
    try {
      boolean rewalk = "rewalk".equals(plan.audit().onDrift());
      Set<String> keys = rewalk ? new HashSet<>() : null;
      acceptor.newWalk(auditor, keys);
      try {
        reason = new ChainRunner(run, acceptor, checkpoints, secrets).run(writer, resume);
      } catch (ExpiredCursor expired) {
        List<Object> mark = from == null || from.watermark() == null ? null
            : List.of(from.watermark().get("cursor"), from.watermark().getOrDefault("tieBreaker", ""));
        if (!plan.sync().incremental() || mark == null) {
          throw new RunStop(StopReason.ERROR, new RunFailureException(plan.name()
              + ": the saved cursor was rejected as expired (" + expired.request + " returned "
              + expired.status + ") and there is no keyset watermark to fall back on"
              + (plan.sync().incremental() ? " yet" : " (the spec declares no sync.incremental)")
              + "; run without resume to start over"));
        }
        allNotes.add("the saved cursor expired (" + expired.status + "): restarted from the"
            + " watermark " + from.watermark());
        Map<String, Object> fallback = new LinkedHashMap<>(from.watermark());
        RunState fresh = new RunState(params, connection, fallback, now, started.getEpochSecond());
        run = run.withState(fresh);
        acceptor = new PageAcceptor(run, auditor, new KeySet(), mark, now);
        acceptor.newWalk(auditor, null);
        checkpoints = new Checkpoints(run, secrets, identity);
        reason = new ChainRunner(run, acceptor, checkpoints, secrets).run(writer, null);
      }
      if (rewalk && reason.kind() == StopReason.Kind.NATURAL && auditor.driftDetected()) {
        walks = new ArrayList<>();
        walks.add(walk(1, keys, true, run.counters.recordsEmitted));
        for (int w = 2; w <= plan.audit().maxWalks(); w++) {
          Auditor next = newAuditor(plan);
          Set<String> nextKeys = new HashSet<>();
          acceptor.newWalk(next, nextKeys);
          run.state.resetForWalk();
          long before = run.counters.recordsEmitted;
          reason = new ChainRunner(run, acceptor, checkpoints, secrets).run(writer, null);
          walks.add(walk(w, nextKeys, next.driftDetected(), run.counters.recordsEmitted - before));
          auditor = next;
          if (reason.kind() != StopReason.Kind.NATURAL
              || (!next.driftDetected() && nextKeys.equals(keys))) {
            break;
          }
          keys = nextKeys;
        }
      } else if ("fail".equals(plan.audit().onDrift()) && auditor.driftDetected()) {
        throw new RunStop(StopReason.ERROR, new RunFailureException(
            plan.name() + ": drift detected (audit.onDrift: fail): records moved between pages"));
      }
    } catch (RunStop stop) {
      reason = stop.reason;
      failure = stop.failure;
    } catch (PagewalkException e) {
      reason = e instanceof CancelledException ? StopReason.CANCELLED : StopReason.ERROR;
      failure = e;
    } catch (RuntimeException e) {
      reason = StopReason.ERROR;
      failure =
          new RunFailureException(
              plan.name() + ": " + redactor.text(String.valueOf(e.getMessage())), e);
    }
    Instant ended = p.clock().instant();
    long snapshot = walks == null ? -1 : ((Number) walks.get(walks.size() - 1).get("keys")).longValue();
    Map<String, Object> watermark = pair(acceptor.watermark);
    if (watermark.isEmpty() && plan.sync().incremental() && !input.state().isEmpty()) {
      watermark = input.state();
    }
    RunReport report =
        ReportBuilder.build(run, auditor, reason, failure == null ? null : failure.getMessage(),
            started, ended, walks, snapshot, watermark, allNotes);
    Counters c = run.counters;
    RunResult result =
        new RunResult(
            run.runId, plan.name(), reason, failure, started, ended, c.requests,
            c.paginationRequests, c.retries, c.pages, c.recordsReceived, c.recordsFiltered,
            c.recordsEmitted, c.bytesReceived, c.emptyPagesWithContinuation, c.waited,
            c.duplicates, watermark, report, allNotes, c.faults, c.credentialsStripped);
    LOG.info("[{}] {}: {} after {} records, {} pages, {} requests; verdict {}", run.runId,
        plan.name(), reason.wireName(), c.recordsEmitted, c.pages, c.requests, report.verdict());
    org.slf4j.MDC.remove("pagewalk.runId");
    p.listener().onEnd(result);
    return result;
  }

  private static RunResult nothingToDo(Plan plan, Clock clock, Checkpoint cp, List<String> notes) {
    Instant now = clock.instant();
    StopReason reason = cp.stopReason() == null ? StopReason.CONDITION_FALSE
        : StopReason.fromWireName(cp.stopReason());
    RunReport report = new RunReport(cp.runId(), plan.name(), plan.fileName(), plan.contentHash(),
        Map.of(), now.toString(), now.toString(), 0, reason.wireName(), null,
        zeros("total", "initial", "pagination", "retries"), 0,
        zeros("received", "emitted", "filtered", "duplicatesDropped"), 0,
        zeros("retry", "rateLimit", "delay"), Map.of(), List.of(),
        dev.pagewalk.audit.Verdict.UNVERIFIED, List.of(), List.of(), null,
        ReportBuilder.limits(plan.limits()), cp.watermark(), notes);
    return new RunResult(cp.runId(), plan.name(), reason, null, now, now, 0, 0, 0, 0, 0, 0, 0, 0,
        0, java.time.Duration.ZERO, 0,
        cp.watermark() == null ? Map.of() : cp.watermark(), report, notes, Map.of(), 0);
  }

  private static Map<String, Long> zeros(String... names) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, 0L);
    }
    return out;
  }

  private static void restore(Counters c, Map<String, Long> saved) {
    if (saved == null) {
      return;
    }
    c.requests = saved.getOrDefault("requests", 0L);
    c.logicalRequests = saved.getOrDefault("logicalRequests", 0L);
    c.paginationRequests = saved.getOrDefault("paginationRequests", 0L);
    c.pages = saved.getOrDefault("pages", 0L);
    c.recordsReceived = saved.getOrDefault("recordsReceived", 0L);
    c.recordsEmitted = saved.getOrDefault("recordsEmitted", 0L);
    c.recordsFiltered = saved.getOrDefault("recordsFiltered", 0L);
  }

  private static Auditor newAuditor(Plan plan) {
    return new Auditor(
        plan.outputRequest().response().key() != null,
        plan.audit().total() != null,
        !plan.sync().order().isEmpty(),
        plan.audit().sequentialId() != null);
  }

  private static Map<String, Object> walk(int n, Set<String> keys, boolean drift, long delivered) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("walk", n);
    m.put("keys", keys.size());
    m.put("drift", drift);
    m.put("newRecords", delivered);
    return m;
  }

  private static List<Object> watermarkOf(Plan plan, Map<String, Object> state) {
    if (!plan.sync().incremental() || !state.containsKey("cursor")) {
      return null;
    }
    List<Object> pair = new ArrayList<>(2);
    pair.add(state.get("cursor"));
    pair.add(state.get("tieBreaker"));
    return pair;
  }

  private static Map<String, Object> pair(List<Object> pair) {
    if (pair == null) {
      return Map.of();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cursor", pair.get(0));
    m.put("tieBreaker", pair.get(1));
    return java.util.Collections.unmodifiableMap(m);
  }
}
