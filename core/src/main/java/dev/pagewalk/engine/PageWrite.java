package dev.pagewalk.engine;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunListener;
import dev.pagewalk.StopReason;
import dev.pagewalk.audit.PageFacts;
import dev.pagewalk.engine.page.PageAcceptor;
import dev.pagewalk.engine.page.PageRecords;
import dev.pagewalk.engine.page.RunStop;
import dev.pagewalk.engine.request.BuiltRequest;
import dev.pagewalk.state.Checkpoint;
import java.util.function.Supplier;

/**
 * The write of an accepted page: its records and the checkpoint that follows them as one unit, then
 * the counts and the listener's page event. A write that fails gives up the read-ahead under way
 * and ends the walk.
 */
final class PageWrite {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChainRunner.class);
  private final RunContext run;
  private final Checkpoints checkpoints;
  private final PageAcceptor acceptor;
  private final Runnable abandonReadAhead;

  PageWrite(
      RunContext run, Checkpoints checkpoints, PageAcceptor acceptor, Runnable abandonReadAhead) {
    this.run = run;
    this.checkpoints = checkpoints;
    this.acceptor = acceptor;
    this.abandonReadAhead = abandonReadAhead;
  }

  /**
   * Writes an accepted page with the checkpoint that follows it (naming the next request, or the
   * stop), then counts it and tells the listener. A read-ahead under way is given up when the write
   * fails.
   */
  void write(PageWriter writer, PageAcceptor.Accepted taken, long pageNumber, Decision decision) {
    PageRecords accepted = taken.records();
    StopReason stop = decision instanceof Decision.Stop s ? s.reason() : null;
    BuiltRequest following = decision instanceof Decision.Next n ? n.request() : null;
    try {
      writeWhole(
          writer,
          accepted,
          () ->
              checkpoints.after(
                  pageNumber,
                  stop,
                  following == null ? null : following.http(),
                  taken.watermark(),
                  accepted.size()));
      run.tally.written(1, accepted.size());
      acceptor.written(taken);
      PageFacts facts = taken.facts();
      LOG.debug(
          "[{}] {}: page {} {} -> {} items, {} delivered",
          run.runId,
          run.plan.name(),
          pageNumber,
          facts.request(),
          facts.received(),
          facts.emitted());
      run.listener.onPage(event(facts, run.tally.now().recordsEmitted()));
    } catch (PageWriter.PartlyWritten partly) {
      run.tally.written(0, partly.taken);
      abandonReadAhead.run();
      if (partly.failure instanceof PagewalkException || partly.failure instanceof RunStop) {
        throw partly.failure;
      }
      throw new RunStop(
          StopReason.ERROR,
          new RunFailureException(
              ErrorCode.SINK_WRITE,
              run.plan.name()
                  + ": "
                  + run.redactor.text(String.valueOf(partly.failure.getMessage())),
              partly.failure));
    } catch (RuntimeException | Error e) {
      abandonReadAhead.run();
      throw e;
    }
  }

  /** The listener's form of a written page, with the run's records so far. */
  private static RunListener.PageEvent event(PageFacts f, long recordsSoFar) {
    return new RunListener.PageEvent(
        f.page(),
        f.request(),
        f.status(),
        f.received(),
        f.emitted(),
        recordsSoFar,
        f.attempts(),
        f.dropped(),
        f.firstKey(),
        f.lastKey(),
        f.pagingState(),
        f.total(),
        f.durationMillis());
  }

  /**
   * Writes a page as one unit. A cancel (interrupt) that arrived with the page does not cut its
   * write short — an interruptible sink (a file channel) would otherwise fail half way — and stays
   * pending for the send that follows.
   */
  private static void writeWhole(
      PageWriter writer, PageRecords records, Supplier<Checkpoint> checkpoint) {
    boolean cancelled = Thread.interrupted();
    try {
      writer.write(records, checkpoint);
    } finally {
      if (cancelled) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
