package dev.pagewalk.engine;

import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Sleeper;
import dev.pagewalk.http.NetworkPolicy;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.RateLimitPlan;
import dev.pagewalk.retry.Pacer;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/** Everything one run needs, assembled once: the plan, the inputs, the plug-ins, the state. */
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
  final Counters counters;
  final SplittableRandom random = new SplittableRandom();
  String correlationHeader;
  /**
   * Where the next page's request is sent while a page is written ({@link ReadAhead}); null: each
   * request is sent by the run's thread after the page before it is written.
   */
  Executor readAhead;
  /** The run's rate-limit state, shared by every request of the run, retries included. */
  final Pacer pacer;
  /** The spec's network policy, passed to the transport with every request. */
  final NetworkPolicy network;

  RunContext(
      String runId,
      Plan plan,
      RunInput input,
      RunState state,
      Exchanger transport,
      Clock clock,
      Sleeper sleeper,
      RunListener listener,
      Redactor redactor) {
    this(runId, plan, input, state, transport, clock, sleeper, listener, redactor, new Counters(),
        pacer(plan, clock));
  }

  private static Pacer pacer(Plan plan, Clock clock) {
    RateLimitPlan rate = plan.rateLimit();
    return rate.active()
        ? Pacer.of(rate.requests(), rate.per(), rate.fromHeaders(), plan.retry().maxRetryAfter(), clock)
        : Pacer.NONE;
  }

  private RunContext(
      String runId,
      Plan plan,
      RunInput input,
      RunState state,
      Exchanger transport,
      Clock clock,
      Sleeper sleeper,
      RunListener listener,
      Redactor redactor,
      Counters counters,
      Pacer pacer) {
    this.counters = counters;
    this.runId = runId;
    this.plan = plan;
    this.input = input;
    this.limits = plan.limits().with(input.limits());
    this.state = state;
    this.transport = transport;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
    this.redactor = redactor;
    this.pacer = pacer;
    this.network = new NetworkPolicy(
        plan.network().allowHosts(), plan.network().denyPrivateAddresses());
  }

  /**
   * The same run with other run state (a restart from a watermark); counters and the rate-limit
   * state carry over.
   */
  RunContext withState(RunState other) {
    RunContext next = new RunContext(runId, plan, input, other, transport, clock, sleeper, listener,
        redactor, counters, pacer);
    next.correlationHeader = correlationHeader;
    next.readAhead = readAhead;
    return next;
  }
}
