package dev.pagewalk.engine;

import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunStats;
import dev.pagewalk.Sleeper;
import dev.pagewalk.engine.request.Redactor;
import dev.pagewalk.engine.request.RequestBuilder;
import dev.pagewalk.engine.request.RunState;
import dev.pagewalk.engine.send.RetryBudget;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.http.NetworkPolicy;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.RateLimitPlan;
import dev.pagewalk.retry.Pacer;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * Everything one run needs, assembled once and never patched: the plan, the inputs, the plug-ins,
 * the state and the run's {@link Tally}.
 */
final class RunContext {
  final String runId;
  final Plan plan;
  final RunInput input;
  final Limits limits;
  final RunState state;

  /** The core request pipeline below retry: redirects, network guard, limits, the transport. */
  final Exchanger transport;

  final Clock clock;
  final Sleeper sleeper;
  final RunListener listener;
  final Redactor redactor;
  final Tally tally;
  final SplittableRandom random = new SplittableRandom();

  /** A request header that carries the run id on every request; null for none. */
  final String correlationHeader;

  /**
   * Where the next page's request is sent while a page is written (read-ahead); null: each request
   * is sent by the run's thread after the page before it is written.
   */
  final Executor readAhead;

  /** The run's rate-limit state, shared by every request of the run, retries included. */
  final Pacer pacer;

  /** The run's retry budget, shared by its walks. */
  final RetryBudget retryBudget;

  /** The spec's network policy, passed to the transport with every request. */
  final NetworkPolicy network;

  private final Engine.Plugins plugins;

  /** A run of {@code plan} whose counts start at {@code start} (zero, or a checkpoint's). */
  RunContext(
      String runId,
      Plan plan,
      RunInput input,
      RunState state,
      Redactor redactor,
      RunStats start,
      Engine.Plugins plugins,
      Engine.Shared shared) {
    this(
        runId,
        plan,
        input,
        state,
        redactor,
        new Tally(start),
        shared == null ? pacer(plan, plugins.clock()) : shared.pacer(),
        shared == null ? new RetryBudget(plan.retry()) : shared.retryBudget(),
        plugins);
  }

  private RunContext(
      String runId,
      Plan plan,
      RunInput input,
      RunState state,
      Redactor redactor,
      Tally tally,
      Pacer pacer,
      RetryBudget retryBudget,
      Engine.Plugins plugins) {
    this.runId = runId;
    this.plan = plan;
    this.input = input;
    this.limits = plan.limits().with(input.limits());
    this.state = state;
    this.transport = plugins.transport();
    this.clock = plugins.clock();
    this.sleeper = plugins.sleeper();
    this.listener = plugins.listener();
    this.correlationHeader = plugins.correlationHeader();
    this.readAhead = plugins.readAhead();
    this.redactor = redactor;
    this.tally = tally;
    this.pacer = pacer;
    this.retryBudget = retryBudget;
    this.network =
        new NetworkPolicy(plan.network().allowHosts(), plan.network().denyPrivateAddresses());
    this.plugins = plugins;
  }

  static Pacer pacer(Plan plan, Clock clock) {
    RateLimitPlan rate = plan.rateLimit();
    return rate.active()
        ? Pacer.of(
            rate.requests(), rate.per(), rate.fromHeaders(), plan.retry().maxRetryAfter(), clock)
        : Pacer.NONE;
  }

  /**
   * The same run with other run state (a restart from a watermark); the tally, the rate-limit state
   * and the retry budget carry over.
   */
  RunContext withState(RunState other) {
    return new RunContext(runId, plan, input, other, redactor, tally, pacer, retryBudget, plugins);
  }

  /** Builds the requests of this run; each request credentials are stripped from is counted. */
  RequestBuilder requestBuilder() {
    return new RequestBuilder(
        plan,
        state,
        redactor,
        input.baseUrl(),
        runId,
        correlationHeader,
        tally::credentialsStripped);
  }
}
