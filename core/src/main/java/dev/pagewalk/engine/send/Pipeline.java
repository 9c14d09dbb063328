package dev.pagewalk.engine.send;

import dev.pagewalk.http.Exchanger;
import dev.pagewalk.retry.Pacer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

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
   * A walk's pipeline: retried by {@code retrying}, paced by the run's {@code pacer}, with its
   * {@code auth} link, over {@code transport}; {@code readAhead} is where calls are sent ahead
   * (null: nowhere).
   */
  public Pipeline(
      Retrying retrying, Pacer pacer, AuthLink auth, Exchanger transport, Executor readAhead) {
    this(retrying, pacer, auth, transport, readAhead, false);
  }

  private Pipeline(
      Retrying retrying,
      Pacer pacer,
      AuthLink auth,
      Exchanger transport,
      Executor readAhead,
      boolean repeatsAnyMethod) {
    Pauses pauses = new Pauses(retrying.listener(), retrying.sleeper());
    this.budget = retrying.budget();
    this.clock = retrying.clock();
    this.retry =
        new RetryLink(
            retrying.spec(),
            retrying.plan(),
            retrying.statuses(),
            retrying.budget(),
            retrying.retryAfter(),
            retrying.clock(),
            retrying.random(),
            retrying.listener(),
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
                retrying.plan().honorRetryAfter()
                    ? retrying.retryAfter()
                    : (header, now) -> Optional.empty(),
                retrying.clock()),
            auth,
            new TransportLink(transport));
  }

  /**
   * The pipeline of the requests that obtain credentials (a token endpoint, a login): the run's
   * {@code retrying} (retry rules, retry budget, {@code Retry-After}, listener) and {@code
   * transport} (redirects, network guard, limits), with no rate limit, read-ahead or auth link of
   * its own. Any method is retried, a POST too. Thread-safe: it keeps no state of its own between
   * calls.
   */
  public static Pipeline forCredentials(Retrying retrying, Exchanger transport) {
    return new Pipeline(retrying, Pacer.NONE, AuthLink.NONE, transport, null, true);
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
