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
import dev.pagewalk.audit.Auditor;
import dev.pagewalk.audit.RunReport;
import dev.pagewalk.http.Transport;
import dev.pagewalk.plan.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Executes one run of a plan. Internal: embedders use {@link dev.pagewalk.Runner}, which holds
 * the plug-ins and calls this.
 */
public final class Engine {
  private Engine() {}

  /**
   * Runs the plan to its end and returns the result with its report; failures are reported in
   * the result, not thrown, except for invalid inputs ({@link InputException}), which are found
   * before any request is sent.
   */
  public static RunResult run(
      Plan plan,
      RunInput input,
      Consumer<OutputRecord> sink,
      Transport transport,
      Clock clock,
      Sleeper sleeper,
      RunListener listener) {
    Instant started = clock.instant();
    Map<String, Object> params =
        InputBinder.bind(plan.name(), "parameter", plan.parameters(), input.parameters());
    Map<String, Object> connection =
        InputBinder.bind(plan.name(), "connection value", plan.connection(), input.connection());
    String now = DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.MILLIS));
    RunState state = new RunState(params, connection, input.state(), now, started.getEpochSecond());
    Redactor redactor = Redactor.of(plan.parameters(), params, plan.connection(), connection);
    RunContext run =
        new RunContext(
            UUID.randomUUID().toString(), plan, input, state, transport, clock, sleeper, listener,
            redactor);
    Auditor auditor = newAuditor(plan);
    PageAcceptor acceptor =
        new PageAcceptor(run, auditor, new KeySet(), stateWatermark(plan, input), 
            plan.sync().incremental() ? now : null);
    StopReason reason;
    PagewalkException failure = null;
    List<Map<String, Object>> walks = null;
    try {
      boolean rewalk = "rewalk".equals(plan.audit().onDrift());
      Set<String> keys = rewalk ? new HashSet<>() : null;
      acceptor.newWalk(auditor, keys);
      reason = new ChainRunner(run, acceptor).run(sink);
      if (rewalk && reason.kind() == StopReason.Kind.NATURAL && auditor.driftDetected()) {
        walks = new ArrayList<>();
        walks.add(walk(1, keys, true, run.counters.recordsEmitted));
        for (int w = 2; w <= plan.audit().maxWalks(); w++) {
          Auditor next = newAuditor(plan);
          Set<String> nextKeys = new HashSet<>();
          acceptor.newWalk(next, nextKeys);
          state.resetForWalk();
          long before = run.counters.recordsEmitted;
          reason = new ChainRunner(run, acceptor).run(sink);
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
    Instant ended = clock.instant();
    long snapshot = walks == null ? -1 : ((Number) walks.get(walks.size() - 1).get("keys")).longValue();
    RunReport report =
        ReportBuilder.build(run, auditor, reason, failure == null ? null : failure.getMessage(),
            started, ended, walks, snapshot);
    Counters c = run.counters;
    RunResult result =
        new RunResult(
            run.runId, plan.name(), reason, failure, started, ended, c.requests,
            c.paginationRequests, c.retries, c.pages, c.recordsReceived, c.recordsFiltered,
            c.recordsEmitted, c.bytesReceived, c.emptyPagesWithContinuation, c.waited,
            c.duplicates, watermark(acceptor.watermark), report);
    listener.onEnd(result);
    return result;
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

  private static List<Object> stateWatermark(Plan plan, RunInput input) {
    if (!plan.sync().incremental() || !input.state().containsKey("cursor")) {
      return null;
    }
    List<Object> pair = new ArrayList<>(2);
    pair.add(input.state().get("cursor"));
    pair.add(input.state().get("tieBreaker"));
    return pair;
  }

  private static Map<String, Object> watermark(List<Object> pair) {
    if (pair == null) {
      return Map.of();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cursor", pair.get(0));
    m.put("tieBreaker", pair.get(1));
    return java.util.Collections.unmodifiableMap(m);
  }
}
