package dev.pagewalk.engine.send;

import dev.pagewalk.RunListener;
import dev.pagewalk.Sleeper;
import dev.pagewalk.http.Exchanger;
import dev.pagewalk.plan.RetryPlan;
import dev.pagewalk.retry.Pacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * The request pipeline of one walk: retry → read-ahead → cancel → pace → auth → transport (see the
 * package description). The page loop asks it for a call and gets an {@link Exchange} back; a call
 * read ahead is taken when the loop asks for that same request. Used by the run's thread.
 */
public final class Pipeline {
  private final RetryLink retry;
  private final ReadAheadLink readAhead;
  private final List<Link> links;
  private final RetryBudget budget;
  private final Clock clock;

  /**
   * A pipeline for the spec named {@code spec} (the start of every message), under the run's retry
   * {@code budget} and {@code pacer} (both shared by the run's walks); {@code retryAfter} reads a
   * {@code Retry-After} value into a wait from the instant given, and {@code readAhead} is where
   * calls are sent ahead (null: nowhere).
   */
  public Pipeline(
      String spec,
      RetryPlan plan,
      Statuses statuses,
      RetryBudget budget,
      BiFunction<String, Instant, Optional<Duration>> retryAfter,
      Pacer pacer,
      AuthLink auth,
      Exchanger transport,
      Executor readAhead,
      Clock clock,
      Sleeper sleeper,
      RunListener listener,
      RandomGenerator random) {
    this(
        spec,
        plan,
        statuses,
        budget,
        retryAfter,
        pacer,
        auth,
        transport,
        readAhead,
        clock,
        sleeper,
        listener,
        random,
        false);
  }

  private Pipeline(
      String spec,
      RetryPlan plan,
      Statuses statuses,
      RetryBudget budget,
      BiFunction<String, Instant, Optional<Duration>> retryAfter,
      Pacer pacer,
      AuthLink auth,
      Exchanger transport,
      Executor readAhead,
      Clock clock,
      Sleeper sleeper,
      RunListener listener,
      RandomGenerator random,
      boolean repeatsAnyMethod) {
    Pauses pauses = new Pauses(listener, sleeper);
    this.budget = budget;
    this.clock = clock;
    this.retry =
        new RetryLink(
            spec,
            plan,
            statuses,
            budget,
            retryAfter,
            clock,
            random,
            listener,
            pauses,
            repeatsAnyMethod);
    this.readAhead = new ReadAheadLink(readAhead);
    this.links =
        List.of(
            this.readAhead,
            new CancelLink(),
            new PaceLink(
                pacer,
                pauses,
                plan.honorRetryAfter() ? retryAfter : (header, now) -> Optional.empty(),
                clock),
            auth,
            new TransportLink(transport));
  }

  /**
   * The pipeline of the requests that obtain credentials (a token endpoint, a login): the run's
   * retry rules, retry budget, {@code Retry-After} and listener, and {@code transport} (redirects,
   * network guard, limits), with no rate limit, read-ahead or auth link of its own. Any method is
   * retried, a POST too. Thread-safe: it keeps no state of its own between calls.
   */
  public static Pipeline forCredentials(
      String spec,
      RetryPlan plan,
      Statuses statuses,
      RetryBudget budget,
      BiFunction<String, Instant, Optional<Duration>> retryAfter,
      Exchanger transport,
      Clock clock,
      Sleeper sleeper,
      RunListener listener,
      RandomGenerator random) {
    return new Pipeline(
        spec,
        plan,
        statuses,
        budget,
        retryAfter,
        Pacer.NONE,
        AuthLink.NONE,
        transport,
        null,
        clock,
        sleeper,
        listener,
        random,
        true);
  }

  /** Sends {@code call} (after {@code before}) and decodes its response with {@code decoder}. */
  public <T> Exchange<T> send(Call call, Before before, Decoder<T> decoder) {
    return retry.exchange(call, before, decoder, new LinkChain(links, 0, call));
  }

  /**
   * Starts {@code call}'s first attempt on the read-ahead executor, to be taken by the {@link
   * #send} of the same request; nothing when the pipeline has no executor, it refuses, the run's
   * thread is interrupted, or the run's deadline ({@code limits.runTimeout}) has passed. The caller
   * decides that read-ahead applies: no rate limit or delay is waited for here.
   */
  public void sendAhead(Call call) {
    if (budget.deadlinePassed(clock.instant())) {
      return;
    }
    readAhead.start(call, new LinkChain(links, links.indexOf(readAhead) + 1, call));
  }

  /**
   * Gives up the read-ahead in flight, if any. One whose request already went out is an exchange (a
   * logical request sent), so the run's figures match what the server saw; otherwise null.
   */
  public Exchange<Void> abandon() {
    Call sent = readAhead.withdraw();
    return sent == null ? null : Exchange.withdrawn(sent);
  }
}
