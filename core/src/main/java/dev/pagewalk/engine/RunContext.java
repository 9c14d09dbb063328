package dev.pagewalk.engine;

import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunStats;
import dev.pagewalk.Sleeper;
import dev.pagewalk.auth.Auth;
import dev.pagewalk.engine.request.Redactor;
import dev.pagewalk.engine.request.RequestBuilder;
import dev.pagewalk.engine.request.RunState;
import dev.pagewalk.engine.send.Pipeline;
import dev.pagewalk.engine.send.RetryBudget;
import dev.pagewalk.engine.send.Retrying;
import dev.pagewalk.engine.send.Statuses;
import dev.pagewalk.expr.Bindings;
import dev.pagewalk.expr.EvaluationException;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.http.NetworkPolicy;
import dev.pagewalk.http.RequestLimits;
import dev.pagewalk.plan.Limits;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.RateLimitPlan;
import dev.pagewalk.retry.Pacer;
import java.time.Clock;
import java.util.Map;
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

  /** The run's authentication (its auth link and token), shared by its walks. */
  final Auth auth;

  /**
   * A connector run's budget of requests and records, shared by its walks; null: the walk's own.
   */
  final SharedCaps caps;

  private final Engine.Plugins plugins;

  /** A run of {@code plan} whose counts start at {@code start} (zero, or a checkpoint's). */
  static RunContext of(
      String runId,
      Plan plan,
      RunInput input,
      RunState state,
      Redactor redactor,
      RunStats start,
      Engine.Plugins plugins,
      Shared shared) {
    RetryBudget retryBudget =
        shared == null
            ? new RetryBudget(plan.retry(), plan.limits().runTimeout(), plugins.clock().instant())
            : shared.retryBudget();
    Auth auth =
        shared == null
            ? auth(plan.name(), plan, input, state, plugins, retryBudget)
            : shared.auth(() -> auth(shared.spec(), plan, input, state, plugins, retryBudget));
    return new RunContext(
        runId,
        plan,
        input,
        state,
        redactor,
        new Tally(start, auth.requests()),
        shared == null ? pacer(plan, plugins.clock()) : shared.pacer(),
        retryBudget,
        auth,
        shared == null ? null : shared.caps(),
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
      Auth auth,
      SharedCaps caps,
      Engine.Plugins plugins) {
    this.runId = runId;
    this.plan = plan;
    this.input = input;
    this.limits = plan.limits().with(input.limits());
    this.network =
        new NetworkPolicy(plan.network().allowHosts(), plan.network().denyPrivateAddresses());
    this.state = state;
    this.transport = plugins.transport();
    this.clock = plugins.clock();
    this.sleeper = plugins.sleeper();
    this.listener = plugins.listener();
    this.correlationHeader = plugins.correlationHeader();
    this.readAhead = plugins.readAhead();
    this.auth = auth;
    this.redactor = redactor.learning(this.auth.secrets());
    this.tally = tally;
    this.pacer = pacer;
    this.retryBudget = retryBudget;
    this.caps = caps;
    this.plugins = plugins;
  }

  /** The authentication of the run, or of the connector {@code spec} whose walk this is. */
  private static Auth auth(
      String spec,
      Plan plan,
      RunInput input,
      RunState state,
      Engine.Plugins plugins,
      RetryBudget budget) {
    if (plan.auth() == null) {
      return Auth.none();
    }
    Limits limits = plan.limits().with(input.limits());
    NetworkPolicy network =
        new NetworkPolicy(plan.network().allowHosts(), plan.network().denyPrivateAddresses());
    Bindings inputs =
        name ->
            switch (name) {
              case "parameters" -> state.parameters();
              case "connection" -> state.connection();
              default -> null;
            };
    Pipeline tokens =
        Pipeline.forCredentials(
            new Retrying(
                spec,
                plan.retry(),
                new Statuses(plan.retry(), plan.sync()),
                budget,
                RetryAfter::parse,
                plugins.clock(),
                plugins.sleeper(),
                plugins.listener(),
                new SplittableRandom()),
            plugins.transport());
    return Auth.of(
        spec,
        plan.auth(),
        inputs,
        baseUrl(plan, input, inputs),
        tokens,
        RequestLimits.of(limits.timeout()).withNetwork(network),
        plugins.clock(),
        plugins.tokenStore());
  }

  private static String baseUrl(Plan plan, RunInput input, Bindings inputs) {
    if (input.baseUrl() != null || plan.baseUrlTemplate() == null) {
      return input.baseUrl();
    }
    try {
      Object v = plan.baseUrlTemplate().evaluate(inputs);
      return v == null ? null : Values.toText(v);
    } catch (EvaluationException e) {
      return null; // the request builder reports it, located, before anything is sent
    }
  }

  /**
   * What request templates see: the run state, and {@code auth.token} — the run's token, fetched
   * when a template first reads it.
   */
  Bindings requestBindings() {
    if (auth.source() == null) {
      return state;
    }
    return name ->
        "auth".equals(name)
            ? Map.of("token", auth.source().current().value())
            : state.variable(name);
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
    return new RunContext(
        runId, plan, input, other, redactor, tally, pacer, retryBudget, auth, caps, plugins);
  }

  /**
   * Whether one more request is within {@code limits.maxRequests}: the walk's own count, or a
   * connector run's budget, which this takes it from.
   */
  boolean takeRequest() {
    return caps == null ? tally.now().logicalRequests() < limits.maxRequests() : caps.takeRequest();
  }

  /** Whether a request is left within {@code limits.maxRequests}, without taking it. */
  boolean requestLeft() {
    return caps == null ? tally.now().logicalRequests() < limits.maxRequests() : caps.requestLeft();
  }

  /** Records still within {@code limits.maxRecords}: the walk's own, or a connector run's. */
  long recordsLeft() {
    return caps == null ? limits.maxRecords() - tally.now().recordsEmitted() : caps.recordsLeft();
  }

  /**
   * Whether a page of {@code delivered} records, after the walk's {@code before}, reaches {@code
   * limits.maxRecords}: the walk's own, or a connector run's, which this counts them in.
   */
  boolean recordsCapReached(long before, long delivered) {
    return caps == null ? before + delivered >= limits.maxRecords() : caps.countRecords(delivered);
  }

  /** Builds the requests of this run; each request credentials are stripped from is counted. */
  RequestBuilder requestBuilder() {
    return new RequestBuilder(
        plan,
        state,
        requestBindings(),
        redactor,
        input.baseUrl(),
        runId,
        correlationHeader,
        tally::credentialsStripped);
  }

  /**
   * What a page's expressions evaluate, from its arrival to the next request, must end within
   * {@code limits.timeout} and within the run's deadline ({@code limits.runTimeout}).
   */
  void armEvaluationDeadline() {
    dev.pagewalk.expr.EvalDeadline.arm(
        clock, limits.timeout(), retryBudget.deadline(), retryBudget.runTimeout());
  }
}
