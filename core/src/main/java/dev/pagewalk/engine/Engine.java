package dev.pagewalk.engine;

import dev.pagewalk.CancelledException;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats;
import dev.pagewalk.Sleeper;
import dev.pagewalk.StopReason;
import dev.pagewalk.SyncMode;
import dev.pagewalk.engine.page.PageRecords;
import dev.pagewalk.engine.page.RunStop;
import dev.pagewalk.engine.request.Redactor;
import dev.pagewalk.engine.request.RunState;
import dev.pagewalk.engine.start.InputBinder;
import dev.pagewalk.engine.start.ResumePoint;
import dev.pagewalk.engine.start.SyncStart;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.report.RunReport;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import dev.pagewalk.state.TokenStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Executes one run of a plan. Internal: embedders use {@link dev.pagewalk.Runner}, which holds the
 * plug-ins and calls this.
 */
public final class Engine {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);

  private Engine() {}

  /**
   * The plug-ins of a run. {@code correlationHeader}, when not null, names a request header that
   * carries the run id on every request. {@code readAhead}, when not null, sends the next page's
   * request while a page is written (see {@link dev.pagewalk.Runner.Builder#readAhead}).
   */
  public record Plugins(
      Exchanger transport,
      Clock clock,
      Sleeper sleeper,
      RunListener listener,
      String correlationHeader,
      Executor readAhead,
      TokenStore tokenStore) {}

  /**
   * One walk of a connector's stream: a run of {@code plan} where expressions also see {@code
   * variables} ({@code parent}, {@code partition}, {@code stream}), under the {@code shared} rate
   * limit and retry budget, handing whole pages with their checkpoints to {@code pages}, and
   * continuing from the checkpoint {@code from} when not null (its next request, page, pagination,
   * temp and counters). Checkpoints belong to the sync {@code identity}: URLs under its base URL
   * are saved relative to it. The caller checks {@code from}'s request with {@link
   * dev.pagewalk.engine.start.SavedOrigin} before it resumes.
   */
  public static RunResult walk(
      Plan plan,
      RunInput input,
      Map<String, Object> variables,
      Shared shared,
      WalkPages pages,
      Checkpoint from,
      SyncIdentity identity,
      Plugins p) {
    PageWriter writer =
        (records, checkpoint) -> {
          try {
            pages.write(PageRecords.built(records), checkpoint);
          } catch (IOException | java.io.UncheckedIOException e) {
            throw new RunStop(
                StopReason.ERROR,
                new RunFailureException(
                    ErrorCode.SINK_WRITE,
                    plan.name() + ": writing to the sink failed: " + e.getMessage(),
                    e));
          }
        };
    ResumePoint rp =
        from == null
            ? null
            : new ResumePoint(from.page(), from.pagination(), from.temp(), from.next());
    ReadBack readBack = from == null ? null : held -> pages.readBack(from, held);
    return execute(
        plan, input, writer, rp, from, List.of(), identity, p, variables, shared, readBack);
  }

  /**
   * The values a run of {@code plan} starts with — {@code parameters} and {@code connection} bound
   * and checked, {@code now}, {@code timestamp} — with {@code variables} in scope too.
   *
   * @throws InputException when an input violates its declaration
   */
  public static dev.pagewalk.expr.Bindings inputs(
      Plan plan, RunInput input, Instant now, Map<String, Object> variables) {
    return freshState(plan, input, Map.of(), now, variables);
  }

  /**
   * Runs the plan, delivering records to {@code sink} page by page. Failures are reported in the
   * result; invalid inputs throw {@link InputException} before any request is sent.
   */
  public static RunResult run(Plan plan, RunInput input, Consumer<OutputRecord> sink, Plugins p) {
    PageWriter writer = (records, checkpoint) -> PageWriter.each(records, sink);
    return execute(plan, input, writer, null, null, List.of(), null, p, Map.of(), null, null);
  }

  /**
   * Runs the plan into a {@link RecordSink} as the sync {@code syncName}, writing a checkpoint with
   * every page; {@code mode} says what happens to what the sink holds (see {@link SyncMode}), and
   * {@link SyncStart} decides where the run starts. Refusals (a different sync, a destination that
   * would lose or double records) throw {@link InputException} before anything is written.
   */
  public static RunResult sync(
      Plan plan, RunInput input, RecordSink sink, SyncMode mode, String syncName, Plugins p) {
    String stream = SyncStart.checkName(plan, syncName == null ? plan.name() : syncName);
    Optional<Checkpoint> saved;
    try {
      saved = mode == SyncMode.REPLACE ? Optional.empty() : sink.checkpoint(stream);
    } catch (InputException e) {
      throw new InputException(e.code(), plan.name() + ": " + e.getMessage());
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
            sink.write(PageRecords.built(records), checkpoint.get());
          } catch (IOException e) {
            throw new RunStop(
                StopReason.ERROR,
                new RunFailureException(
                    ErrorCode.SINK_WRITE,
                    plan.name() + ": writing to the sink failed: " + e.getMessage(),
                    e));
          }
        };
    Checkpoint from = start.from();
    ResumePoint rp =
        from == null
            ? null
            : new ResumePoint(from.page(), from.pagination(), from.temp(), from.next());
    ReadBack readBack = from == null ? null : held -> sink.readBack(stream, from, held);
    return execute(
        plan,
        start.input(),
        writer,
        rp,
        from,
        start.notes(),
        start.identity(),
        p,
        Map.of(),
        null,
        readBack);
  }

  /**
   * Only the auth step of a run: binds the inputs as a run would, then fetches a token (saving a
   * rotated refresh token in the plug-ins' token store) and sends nothing else.
   *
   * @throws InputException when the spec has no {@code auth} block or an input is invalid
   * @throws PagewalkException when the token endpoint refuses or cannot be reached
   */
  public static dev.pagewalk.Runner.AuthCheck authenticate(Plan plan, RunInput input, Plugins p) {
    if (plan.auth() == null) {
      throw new InputException(
          plan.name() + ": the spec has no auth block, so there is no token to fetch");
    }
    RunContext run = context(plan, input, null, p.clock().instant(), p, Map.of(), null);
    String endpoint;
    java.time.Instant expiresAt;
    try {
      endpoint = run.redactor.text(run.auth.source().endpoint().toString());
      expiresAt = run.auth.source().fetchNew().expiresAt();
    } catch (PagewalkException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RunFailureException(
          ErrorCode.INTERNAL,
          plan.name() + ": " + run.redactor.text(String.valueOf(e.getMessage())),
          e);
    }
    return new dev.pagewalk.Runner.AuthCheck(
        dev.pagewalk.http.Redaction.maskUserInfo(endpoint), expiresAt);
  }

  private static RunResult execute(
      Plan plan,
      RunInput input,
      PageWriter writer,
      ResumePoint resume,
      Checkpoint from,
      List<String> notes,
      SyncIdentity identity,
      Plugins p,
      Map<String, Object> variables,
      Shared shared,
      ReadBack readBack) {
    Instant started = p.clock().instant();
    RunContext run = context(plan, input, from, started, p, variables, shared);
    org.slf4j.MDC.put("pagewalk.runId", run.runId);
    LOG.info("[{}] {}: run starts{}", run.runId, plan.name(), from == null ? "" : " (resumed)");
    p.listener().onStart(run.runId, plan.name());
    Walks.Walked walked;
    try {
      walked = Walks.walkAll(run, writer, resume, from, identity, notes, readBack);
    } catch (PagewalkException e) {
      walked =
          Walks.Walked.failed(
              run,
              e instanceof CancelledException ? StopReason.CANCELLED : StopReason.ERROR,
              e,
              notes);
    } catch (RuntimeException e) {
      walked =
          Walks.Walked.failed(
              run,
              StopReason.ERROR,
              new RunFailureException(
                  ErrorCode.INTERNAL,
                  plan.name() + ": " + run.redactor.text(String.valueOf(e.getMessage())),
                  e),
              notes);
    } finally {
      dev.pagewalk.expr.EvalDeadline.clear();
    }
    RunResult result = finish(walked, input, started, p.clock().instant());
    RunStats stats = result.stats();
    LOG.info(
        "[{}] {}: {} after {} records, {} pages, {} requests; verdict {}",
        run.runId,
        plan.name(),
        result.stopReason().wireName(),
        stats.recordsEmitted(),
        stats.pages(),
        stats.requests(),
        result.report().verdict());
    org.slf4j.MDC.remove("pagewalk.runId");
    p.listener().onEnd(result);
    return result;
  }

  /** The run's context: inputs bound, secrets known, counts continued from {@code from}. */
  private static RunContext context(
      Plan plan,
      RunInput input,
      Checkpoint from,
      Instant started,
      Plugins p,
      Map<String, Object> variables,
      Shared shared) {
    RunState state = freshState(plan, input, input.state(), started, variables);
    Redactor redactor =
        Redactor.of(plan.parameters(), state.parameters(), plan.connection(), state.connection())
            .withSanitized(plan.requests().stream().flatMap(r -> r.sanitize().stream()).toList());
    return RunContext.of(
        from != null ? from.runId() : UUID.randomUUID().toString(),
        plan,
        input,
        state,
        redactor,
        from == null ? RunStats.ZERO : RunStats.resumedFrom(from.counters()),
        p,
        shared);
  }

  private static RunState freshState(
      Plan plan,
      RunInput input,
      Map<String, Object> syncState,
      Instant started,
      Map<String, Object> variables) {
    Map<String, Object> params =
        InputBinder.bind(plan.name(), "parameter", plan.parameters(), input.parameters());
    Map<String, Object> connection =
        InputBinder.bind(plan.name(), "connection value", plan.connection(), input.connection());
    return new RunState(
        params, connection, syncState, now(started), started.getEpochSecond(), variables);
  }

  private static String now(Instant started) {
    return DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The result and its report, derived from the run's stats and how its walks ended. */
  private static RunResult finish(Walks.Walked w, RunInput input, Instant started, Instant ended) {
    RunContext run = w.run();
    Plan plan = run.plan;
    long snapshot =
        w.walks() == null
            ? -1
            : ((Number) w.walks().get(w.walks().size() - 1).get("keys")).longValue();
    Map<String, Object> watermark = pair(w.acceptor() == null ? null : w.acceptor().watermark());
    if (watermark.isEmpty() && plan.sync().incremental() && !input.state().isEmpty()) {
      watermark = input.state();
    }
    RunStats stats = run.tally.now();
    RunReport report =
        ReportBuilder.build(
            run,
            stats,
            w.auditor(),
            w.reason(),
            w.failure(),
            started,
            ended,
            w.walks(),
            snapshot,
            watermark,
            w.notes());
    return new RunResult(
        run.runId,
        plan.name(),
        w.reason(),
        w.failure(),
        started,
        ended,
        stats,
        watermark,
        report,
        w.notes());
  }

  private static RunResult nothingToDo(Plan plan, Clock clock, Checkpoint cp, List<String> notes) {
    Instant now = clock.instant();
    StopReason reason =
        cp.stopReason() == null
            ? StopReason.CONDITION_FALSE
            : StopReason.fromWireName(cp.stopReason());
    Map<String, Object> watermark = cp.watermark() == null ? Map.of() : cp.watermark();
    RunReport report =
        ReportBuilder.nothingToDo(plan, cp.runId(), reason, now, cp.watermark(), notes);
    return new RunResult(
        cp.runId(), plan.name(), reason, null, now, now, RunStats.ZERO, watermark, report, notes);
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
