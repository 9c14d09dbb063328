package dev.pagewalk.engine;

import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Sleeper;
import dev.pagewalk.http.Transport;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.Plan;
import java.time.Clock;
import java.util.SplittableRandom;

/** Everything one run needs, assembled once: the plan, the inputs, the plug-ins, the state. */
final class RunContext {
  final String runId;
  final Plan plan;
  final RunInput input;
  final Limits limits;
  final RunState state;
  final Transport transport;
  final Clock clock;
  final Sleeper sleeper;
  final RunListener listener;
  final Redactor redactor;
  final Counters counters;
  final SplittableRandom random = new SplittableRandom();
  String correlationHeader;

  RunContext(
      String runId,
      Plan plan,
      RunInput input,
      RunState state,
      Transport transport,
      Clock clock,
      Sleeper sleeper,
      RunListener listener,
      Redactor redactor) {
    this(runId, plan, input, state, transport, clock, sleeper, listener, redactor, new Counters());
  }

  private RunContext(
      String runId,
      Plan plan,
      RunInput input,
      RunState state,
      Transport transport,
      Clock clock,
      Sleeper sleeper,
      RunListener listener,
      Redactor redactor,
      Counters counters) {
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
  }

  /** The same run with other run state (a restart from a watermark); counters carry over. */
  RunContext withState(RunState other) {
    RunContext next = new RunContext(runId, plan, input, other, transport, clock, sleeper, listener,
        redactor, counters);
    next.correlationHeader = correlationHeader;
    return next;
  }
}
