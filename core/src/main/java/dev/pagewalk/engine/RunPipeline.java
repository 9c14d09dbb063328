package dev.pagewalk.engine;

import dev.pagewalk.engine.request.BuiltRequest;
import dev.pagewalk.engine.send.Call;
import dev.pagewalk.engine.send.Pipeline;
import dev.pagewalk.engine.send.Retrying;
import dev.pagewalk.engine.send.Statuses;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.http.StreamParser;
import dev.pagewalk.plan.PaginationPlan;
import dev.pagewalk.plan.RequestPlan;

/** Connects a run to the request pipeline: builds a walk's pipeline and the calls it sends. */
final class RunPipeline {
  private RunPipeline() {}

  /** The pipeline of one walk of {@code run}; rate-limit and retry budget are the run's. */
  static Pipeline of(RunContext run) {
    return new Pipeline(
        new Retrying(
            run.plan.name(),
            run.plan.retry(),
            statuses(run),
            run.retryBudget,
            RetryAfter::parse,
            run.clock,
            run.sleeper,
            run.listener,
            run.random),
        run.pacer,
        run.auth.link(),
        run.transport,
        run.readAhead);
  }

  static Statuses statuses(RunContext run) {
    return new Statuses(run.plan.retry(), run.plan.sync());
  }

  /** {@code request} as a call, with the run's deadline, network policy and its credentials. */
  static Call call(RunContext run, BuiltRequest request, StreamParser parser) {
    RequestLimits limits =
        RequestLimits.of(run.limits.timeout())
            .withNetwork(run.network)
            .withCredentialHeaders(request.credentialHeaders())
            .withCredentialQuery(request.credentialQuery());
    return new Call(request.http(), request.display(), request.pagination(), limits, parser);
  }

  /**
   * Whether the walk of {@code req} sends each next page's request while the page before it is
   * written: when the run has a read-ahead executor and nothing is to be waited for between pages
   * (no {@code pagination.delay}, no rate limit) and the request is not repeated.
   */
  static boolean readsAhead(RunContext run, RequestPlan req) {
    PaginationPlan pagination = req.pagination();
    return run.readAhead != null
        && pagination != null
        && req.repeat() == null
        && !run.pacer.active()
        && (pagination.delay() == null || pagination.delay().isZero());
  }
}
