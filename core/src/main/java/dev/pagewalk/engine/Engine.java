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
import dev.pagewalk.http.Transport;
import dev.pagewalk.plan.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Executes one run of a plan. Internal: embedders use {@link dev.pagewalk.Runner}, which holds
 * the plug-ins and calls this.
 */
public final class Engine {
  private Engine() {}

  /**
   * Runs the plan to its end and returns the result; failures are reported in the result, not
   * thrown, except for invalid inputs ({@link InputException}), which are found before any
   * request is sent.
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
    RunState state =
        new RunState(
            params,
            connection,
            input.state(),
            DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.MILLIS)),
            started.getEpochSecond());
    Redactor redactor = Redactor.of(plan.parameters(), params, plan.connection(), connection);
    RunContext run =
        new RunContext(
            UUID.randomUUID().toString(),
            plan,
            input,
            state,
            transport,
            clock,
            sleeper,
            listener,
            redactor);
    StopReason reason;
    PagewalkException failure = null;
    try {
      reason = new ChainRunner(run).run(sink);
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
    Counters c = run.counters;
    RunResult result =
        new RunResult(
            run.runId,
            plan.name(),
            reason,
            failure,
            started,
            clock.instant(),
            c.requests,
            c.paginationRequests,
            c.retries,
            c.pages,
            c.recordsReceived,
            c.recordsFiltered,
            c.recordsEmitted,
            c.bytesReceived,
            c.emptyPagesWithContinuation,
            c.waited);
    listener.onEnd(result);
    return result;
  }
}
