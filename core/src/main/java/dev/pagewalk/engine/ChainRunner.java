package dev.pagewalk.engine;

import dev.pagewalk.CancelledException;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.page.Decoded;
import dev.pagewalk.engine.page.LoopGuard;
import dev.pagewalk.engine.page.Page;
import dev.pagewalk.engine.page.PageAcceptor;
import dev.pagewalk.engine.page.PageExtractor;
import dev.pagewalk.engine.page.PageRecords;
import dev.pagewalk.engine.page.Repeats;
import dev.pagewalk.engine.page.ResponseReader;
import dev.pagewalk.engine.page.RunStop;
import dev.pagewalk.engine.request.BuiltRequest;
import dev.pagewalk.engine.request.PagingVars;
import dev.pagewalk.engine.request.RequestBuilder;
import dev.pagewalk.engine.request.SecretPlaceholders;
import dev.pagewalk.engine.send.Before;
import dev.pagewalk.engine.send.Exchange;
import dev.pagewalk.engine.send.Pause;
import dev.pagewalk.engine.send.Pipeline;
import dev.pagewalk.engine.send.SendFailure;
import dev.pagewalk.engine.send.Statuses;
import dev.pagewalk.engine.start.ResumePoint;
import dev.pagewalk.expr.Template;
import dev.pagewalk.expr.Values;
import dev.pagewalk.plan.PaginationPlan;
import dev.pagewalk.plan.RequestPlan;
import dev.pagewalk.plan.ResponsePlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan's requests in order: earlier ones only feed {@code temp}; the last one is walked page
 * by page and its records written. After each page the decision follows the spec's order: a cap,
 * then {@code response.limit}, then {@code condition}, then the empty-page rule; the next request
 * is built before the page is written, so the page's checkpoint can name it — and, where nothing is
 * to be waited for between pages, sent while the page is written (read-ahead, see {@link
 * Pipeline#sendAhead}).
 */
final class ChainRunner {
  private final RunContext run;
  private final RequestBuilder builder;
  private final Pipeline pipeline;
  private final Statuses statuses;
  private final ResponseReader reader;
  private final PageExtractor extractor;
  private final LoopGuard guard = new LoopGuard();
  private final PageWrite pageWrite;
  private final PageAcceptor acceptor;
  private final Checkpoints checkpoints;
  private final SecretPlaceholders secrets;

  ChainRunner(
      RunContext run, PageAcceptor acceptor, Checkpoints checkpoints, SecretPlaceholders secrets) {
    this.run = run;
    this.acceptor = acceptor;
    this.checkpoints = checkpoints;
    this.secrets = secrets;
    this.builder = run.requestBuilder();
    this.pipeline = RunPipeline.of(run);
    this.statuses = RunPipeline.statuses(run);
    this.reader = new ResponseReader(run.plan, run.state, run.redactor, statuses);
    this.extractor = new PageExtractor(run.plan, run.state, reader);
    this.pageWrite = new PageWrite(run, checkpoints, acceptor, this::abandonReadAhead);
  }

  /**
   * Runs the chain steps, then walks the output request. A failure anywhere in it (a request that
   * failed, a record without a key, a destination that refused a page) ends the walk as {@link
   * WalkOutcome.Failed}; an unexpected exception is reported with its message redacted.
   */
  WalkOutcome run(PageWriter writer, ResumePoint resume) {
    try {
      List<RequestPlan> requests = run.plan.requests();
      for (int i = 0; i < requests.size() - 1; i++) {
        StopReason capped = step(requests.get(i));
        if (capped != null) {
          return new WalkOutcome.Ended(capped);
        }
      }
      return walk(run.plan.outputRequest(), writer, resume);
    } catch (RunStop stop) {
      return new WalkOutcome.Failed(stop.reason(), stop.failure());
    } catch (CancelledException e) {
      return new WalkOutcome.Failed(StopReason.CANCELLED, e);
    } catch (PagewalkException e) {
      return new WalkOutcome.Failed(StopReason.ERROR, e);
    } catch (RuntimeException e) {
      return new WalkOutcome.Failed(
          StopReason.ERROR,
          new RunFailureException(
              ErrorCode.INTERNAL,
              run.plan.name() + ": " + run.redactor.text(String.valueOf(e.getMessage())),
              e));
    }
  }

  /** A chain step: its response only feeds temp. Returns a stop reason if a cap stops the run. */
  private StopReason step(RequestPlan req) {
    if (skipped(req)) {
      return null;
    }
    run.state.pagination(PagingVars.of(1, 0, 0));
    if (!run.takeRequest()) {
      return StopReason.MAX_REQUESTS;
    }
    BuiltRequest request = builder.build(req, null);
    guard.firstTime(request.http());
    respond(req, request, Before.NOTHING);
    mergeTemp(req.response().temp(), "response.temp");
    return repeat(req, request);
  }

  private WalkOutcome walk(RequestPlan req, PageWriter writer, ResumePoint resume) {
    if (skipped(req)) {
      return new WalkOutcome.Ended(StopReason.CONDITION_FALSE);
    }
    checkpoints.walkStarted(run.state.temp());
    ResponsePlan resp = req.response();
    PaginationPlan pagination = req.pagination();
    long pageNumber;
    BuiltRequest request;
    boolean resuming = resume != null;
    if (resuming) {
      @SuppressWarnings("unchecked")
      Map<String, Object> saved = (Map<String, Object>) secrets.revealIn(resume.temp());
      run.state.mergeTemp(saved == null ? Map.of() : saved);
      run.state.pagination(resume.pagination());
      pageNumber = resume.page();
      request = builder.rebuild(req, resume.next(), secrets);
    } else {
      pageNumber = 1;
      run.state.pagination(PagingVars.of(1, 0, 0));
      if (!run.takeRequest()) {
        return new WalkOutcome.Ended(StopReason.MAX_REQUESTS);
      }
      request = builder.build(req, null);
    }
    guard.firstTime(request.http());
    long received = resuming ? offsetOf(resume.pagination()) : 0;
    int repeatedPages = 0;
    long limit = Long.MAX_VALUE;
    boolean limitKnown = false;
    int emptyRetries = 0;
    boolean readAhead = RunPipeline.readsAhead(run, req);
    Before before = Before.NOTHING;
    while (true) {
      Exchange<Decoded> exchange = send(req, request, before);
      Decoded decoded = exchange.body();
      before = Before.NOTHING;
      if (resuming && statuses.expiredCursor(decoded.http().status())) {
        return new WalkOutcome.CursorExpired(decoded.http().status(), request.display());
      }
      if (pageNumber > 1
          && run.plan
              .retry()
              .restartWalk()
              .expires(decoded.http().status(), decoded.http().body())) {
        return new WalkOutcome.WalkExpired(decoded.http().status(), request.display(), pageNumber);
      }
      reader.expose(decoded, resp, request);
      run.armEvaluationDeadline();
      resuming = false;
      if (req.repeat() != null) {
        mergeTemp(resp.temp(), "response.temp");
        StopReason capped = repeat(req, request);
        if (capped != null) {
          return new WalkOutcome.Ended(capped);
        }
      }
      if (!limitKnown) {
        limit = limit(resp.limit());
        limitKnown = true;
      }
      long room = Math.min(limit - run.tally.now().recordsEmitted(), run.recordsLeft());
      Map<String, Object> tempBefore = run.state.temp();
      Map<String, Object> pagingBefore = run.state.pagination();
      Page page = extractor.extract(resp, pageNumber, Math.max(room, 0));
      if (req.repeat() == null) {
        mergeTemp(resp.temp(), "response.temp");
      }
      run.state.pagination(
          PagingVars.of(pageNumber + 1, received + page.received(), page.received()));
      boolean more = pagination != null && condition(pagination.condition());
      if (StopRules.emptyPage(run, page, pagination, more, emptyRetries)
          instanceof Decision.RetryEmpty) {
        emptyRetries++;
        run.state.replaceTemp(tempBefore);
        run.state.pagination(pagingBefore);
        before = Before.again(Fault.EMPTY_PAGE_WITH_CONTINUATION, emptyRetries);
        continue;
      }
      emptyRetries = 0;
      int sameBody = guard.sameBodyCount(decoded.http().body());
      int emptyPages = guard.emptyPagesInARow(page.received());
      int sameRecords = guard.sameKeylessRecordsCount(page.records());
      int repeatedBody = 0;
      if (sameBody == 2 && !page.records().isEmpty()) {
        repeatedBody = page.records().size();
        page = page.withoutRecords();
      }
      Object total =
          run.plan.audit().total() == null
              ? null
              : reader.evaluate(run.plan.audit().total(), "audit.total");
      int attempts = exchange.attempts();
      long millis = (System.nanoTime() - exchange.sentAt()) / 1_000_000;
      PageAcceptor.Accepted taken =
          acceptor.accept(
              page,
              pageNumber,
              new PageAcceptor.Exchanged(
                  request.display(),
                  decoded.http().status(),
                  attempts,
                  pagingBefore,
                  total,
                  millis));
      PageRecords accepted = taken.records();
      received += page.received();
      repeatedPages = taken.allRepeated() ? repeatedPages + 1 : 0;
      run.tally.pageRead(
          page.received(),
          page.filtered(),
          repeatedBody + taken.duplicates() + taken.deliveredBefore(),
          taken.alreadySynced(),
          taken.beyondBoundary());
      Decision decision =
          decide(
              req,
              page,
              request,
              pageNumber,
              more,
              limit,
              accepted.size(),
              new Repeats(sameBody, emptyPages, sameRecords, repeatedPages),
              readAhead);
      pageWrite.write(writer, taken, pageNumber, decision);
      if (decision instanceof Decision.Stop stop) {
        return stop.failure() == null
            ? new WalkOutcome.Ended(stop.reason())
            : new WalkOutcome.Failed(stop.reason(), stop.failure());
      }
      before = Before.delay(Pause.PAGINATION_DELAY, pagination.delay());
      pageNumber++;
      request = ((Decision.Next) decision).request();
    }
  }

  /**
   * The decision after an accepted page of {@code delivered} records: a cap, {@code
   * response.limit}, {@code condition} or the empty-page rule stops the walk; the loop guard fails
   * it; otherwise the next request is built (and, with read-ahead, sent) before the page is
   * written, so the page's checkpoint can name it.
   */
  private Decision decide(
      RequestPlan req,
      Page page,
      BuiltRequest request,
      long pageNumber,
      boolean more,
      long limit,
      int delivered,
      Repeats seen,
      boolean readAhead) {
    StopReason stop =
        StopRules.after(
            run, page, req.pagination(), more, limit, run.tally.now().recordsEmitted(), delivered);
    String loop =
        seen.loopAfter(stop != null, pageNumber, page.records().size(), request.display());
    if (loop != null) {
      return loop(loop);
    }
    if (stop != null) {
      return new Decision.Stop(stop);
    }
    BuiltRequest next;
    try {
      next = builder.build(req, req.pagination());
    } catch (RunFailureException e) {
      return new Decision.Stop(StopReason.ERROR, e);
    }
    if (!guard.firstTime(next.http()) && !req.pagination().requestMayRepeat()) {
      return loop(
          "page "
              + (pageNumber + 1)
              + " would repeat a request already sent: "
              + next.display()
              + "; the pagination directives do not advance");
    }
    if (readAhead) {
      pipeline.sendAhead(RunPipeline.call(run, next, reader.streamParser(req.response())));
    }
    return new Decision.Next(next);
  }

  private static long offsetOf(Map<String, Object> pagination) {
    Object v = pagination == null ? null : pagination.get("offset");
    return v instanceof Number n ? n.longValue() : 0;
  }

  private boolean condition(Template condition) {
    return condition == null || Values.truthy(reader.evaluate(condition, "pagination.condition"));
  }

  /** Sends a chain step's or a repeat's request and exposes its response. */
  private void respond(RequestPlan req, BuiltRequest request, Before before) {
    reader.expose(send(req, request, before).body(), req.response(), request);
  }

  private Exchange<Decoded> send(RequestPlan req, BuiltRequest request, Before before) {
    return settle(
        pipeline.send(
            RunPipeline.call(run, request, reader.streamParser(req.response())),
            before,
            r -> reader.decode(r, req.response())));
  }

  /** Counts what the exchange did; a failed one then ends the walk (the one place it does). */
  private <T> Exchange<T> settle(Exchange<T> exchange) {
    run.tally.add(exchange);
    SendFailure failed = exchange.failure();
    if (failed == null) {
      return exchange;
    }
    if (failed.error() instanceof PagewalkException e) {
      throw new RunStop(failed.reason(), e);
    }
    throw failed.error();
  }

  /** Gives up a read-ahead the run will not take, counting it if its request went out. */
  private void abandonReadAhead() {
    Exchange<Void> withdrawn = pipeline.abandon();
    if (withdrawn != null) {
      run.tally.add(withdrawn);
    }
  }

  private StopReason repeat(RequestPlan req, BuiltRequest request) {
    if (req.repeat() == null) {
      return null;
    }
    int done = 1;
    while (done < req.repeat().limit()
        && Values.truthy(reader.evaluate(req.repeat().condition(), "repeat.condition"))) {
      if (!run.takeRequest()) {
        return StopReason.MAX_REQUESTS;
      }
      respond(req, request, Before.delay(Pause.REPEAT_DELAY, req.repeat().delay()));
      mergeTemp(req.response().temp(), "response.temp");
      done++;
    }
    return null;
  }

  private boolean skipped(RequestPlan req) {
    if (req.condition() != null
        && !Values.truthy(reader.evaluate(req.condition(), "request.condition"))) {
      return true;
    }
    mergeTemp(req.temp(), "request.temp");
    return false;
  }

  @SuppressWarnings("unchecked")
  private void mergeTemp(Template temp, String where) {
    if (temp == null) {
      return;
    }
    Object v = reader.evaluate(temp, where);
    if (v instanceof Map<?, ?> m) {
      run.state.mergeTemp(new LinkedHashMap<>((Map<String, Object>) m));
    }
  }

  private long limit(Template t) {
    return t == null ? Long.MAX_VALUE : StopRules.limit(run, reader.evaluate(t, "response.limit"));
  }

  private Decision loop(String why) {
    return new Decision.Stop(
        StopReason.LOOP_DETECTED,
        new RunFailureException(ErrorCode.LOOP, run.plan.name() + ": loop detected: " + why));
  }
}
