package dev.pagewalk.engine;

import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunListener;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.send.Before;
import dev.pagewalk.engine.send.Exchange;
import dev.pagewalk.engine.send.Pipeline;
import dev.pagewalk.engine.send.SendFailure;
import dev.pagewalk.engine.send.Statuses;
import dev.pagewalk.engine.send.WaitReason;
import dev.pagewalk.expr.Template;
import dev.pagewalk.expr.Values;
import dev.pagewalk.plan.PaginationPlan;
import dev.pagewalk.plan.RequestPlan;
import dev.pagewalk.plan.ResponsePlan;
import dev.pagewalk.retry.Fault;
import dev.pagewalk.state.Checkpoint;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a plan's requests in order: earlier ones only feed {@code temp}; the last one is walked
 * page by page and its records written. After each page the decision follows the spec's order:
 * a cap, then {@code response.limit}, then {@code condition}, then the empty-page rule; the next
 * request is built before the page is written, so the page's checkpoint can name it — and, where
 * nothing is to be waited for between pages, sent while the page is written (read-ahead, see
 * {@link Pipeline#sendAhead}).
 */
final class ChainRunner {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChainRunner.class);
  private final RunContext run;
  private final RequestBuilder builder;
  private final Pipeline pipeline;
  private final Statuses statuses;
  private final ResponseReader reader;
  private final PageExtractor extractor;
  private final LoopGuard guard = new LoopGuard();
  private final PageAcceptor acceptor;
  private final Checkpoints checkpoints;
  private final SecretPlaceholders secrets;

  ChainRunner(RunContext run, PageAcceptor acceptor, Checkpoints checkpoints, SecretPlaceholders secrets) {
    this.run = run;
    this.acceptor = acceptor;
    this.checkpoints = checkpoints;
    this.secrets = secrets;
    this.builder = new RequestBuilder(run);
    this.pipeline = RunPipeline.of(run);
    this.statuses = RunPipeline.statuses(run);
    this.reader = new ResponseReader(run);
    this.extractor = new PageExtractor(run, reader);
  }

  StopReason run(PageWriter writer, ResumePoint resume) {
    List<RequestPlan> requests = run.plan.requests();
    for (int i = 0; i < requests.size() - 1; i++) {
      StopReason capped = step(requests.get(i));
      if (capped != null) {
        return capped;
      }
    }
    return walk(run.plan.outputRequest(), writer, resume);
  }

  /** A chain step: its response only feeds temp. Returns a stop reason if a cap stops the run. */
  private StopReason step(RequestPlan req) {
    if (skipped(req)) {
      return null;
    }
    run.state.pagination = PagingVars.of(1, 0, 0);
    if (run.counters.logicalRequests >= run.limits.maxRequests()) {
      return StopReason.MAX_REQUESTS;
    }
    BuiltRequest request = builder.build(req, null);
    guard.firstTime(request.http());
    respond(req, request, false, Before.NOTHING);
    mergeTemp(req.response().temp(), "response.temp");
    return repeat(req, request);
  }

  private StopReason walk(RequestPlan req, PageWriter writer, ResumePoint resume) {
    if (skipped(req)) {
      return StopReason.CONDITION_FALSE;
    }
    checkpoints.walkStarted(run.state.temp());
    ResponsePlan resp = req.response();
    PaginationPlan pagination = req.pagination();
    Counters c = run.counters;
    long pageNumber;
    BuiltRequest request;
    boolean resuming = resume != null;
    if (resuming) {
      @SuppressWarnings("unchecked")
      Map<String, Object> saved = (Map<String, Object>) secrets.revealIn(resume.temp());
      run.state.mergeTemp(saved == null ? Map.of() : saved);
      run.state.pagination = resume.pagination();
      pageNumber = resume.page();
      request = builder.rebuild(req, resume.next(), secrets);
    } else {
      pageNumber = 1;
      run.state.pagination = PagingVars.of(1, 0, 0);
      if (c.logicalRequests >= run.limits.maxRequests()) {
        return StopReason.MAX_REQUESTS;
      }
      request = builder.build(req, null);
    }
    guard.firstTime(request.http());
    long received = resuming ? offsetOf(resume.pagination()) : 0;
    int repeatedPages = 0;
    long limit = Long.MAX_VALUE;
    boolean limitKnown = false;
    int emptyRetries = 0;
    boolean readAhead = readsAhead(req);
    Before before = Before.NOTHING;
    while (true) {
      Exchange<Decoded> exchange = respond(req, request, resuming, before);
      Decoded decoded = exchange.body();
      long sentAt = exchange.sentAt();
      before = Before.NOTHING;
      resuming = false;
      if (req.repeat() != null) {
        mergeTemp(resp.temp(), "response.temp");
        StopReason capped = repeat(req, request);
        if (capped != null) {
          return capped;
        }
      }
      if (!limitKnown) {
        limit = limit(resp.limit());
        limitKnown = true;
      }
      long room = Math.min(limit, run.limits.maxRecords()) - c.recordsEmitted;
      Map<String, Object> tempBefore = run.state.temp();
      Map<String, Object> pagingBefore = run.state.pagination;
      Page page = extractor.extract(resp, pageNumber, Math.max(room, 0));
      if (req.repeat() == null) {
        mergeTemp(resp.temp(), "response.temp");
      }
      run.state.pagination =
          PagingVars.of(pageNumber + 1, received + page.received(), page.received());
      boolean more = pagination != null && condition(pagination.condition());
      if (page.received() == 0 && more && pagination.condition() != null) {
        if (emptyRetries == 0) {
          c.emptyPagesWithContinuation++;
        }
        if (emptyRetries < run.plan.retry().emptyPageWithContinuation()) {
          emptyRetries++;
          run.state.replaceTemp(tempBefore);
          run.state.pagination = pagingBefore;
          before = Before.again(Fault.EMPTY_PAGE_WITH_CONTINUATION, emptyRetries);
          continue;
        }
      }
      emptyRetries = 0;
      int sameBody = guard.sameBodyCount(decoded.http().body());
      int emptyPages = guard.emptyPagesInARow(page.received());
      int sameRecords = guard.sameKeylessRecordsCount(page.records());
      if (sameBody == 2 && !page.records().isEmpty()) {
        c.duplicates += page.records().size();
        page = page.withoutRecords();
      }
      Object total = run.plan.audit().total() == null ? null
          : reader.evaluate(run.plan.audit().total(), "audit.total");
      int attempts = exchange.attempts();
      long millis = (System.nanoTime() - sentAt) / 1_000_000;
      PageAcceptor.Accepted taken =
          acceptor.accept(page, pageNumber, request.display(), decoded.http().status(), attempts,
              pagingBefore, total, millis);
      PageRecords accepted = taken.records();
      received += page.received();
      repeatedPages = acceptor.lastPageAllRepeated ? repeatedPages + 1 : 0;
      c.recordsReceived += page.received();
      c.recordsFiltered += page.filtered();
      StopReason stop = decide(page, pagination, more, limit, c.recordsEmitted + accepted.size());
      RunStop halt = null;
      BuiltRequest next = null;
      if (sameBody >= 3) {
        halt = loop("the same response body came back three times in a row (page "
            + pageNumber + ", " + request.display() + ")");
      } else if (stop == null && emptyPages >= LoopGuard.MAX_EMPTY_PAGES) {
        halt = loop(emptyPages + " pages in a row were empty while pagination.condition still"
            + " asked for more (pages " + (pageNumber - emptyPages + 1) + " to " + pageNumber
            + ", last " + request.display() + ")");
      } else if (stop == null && sameRecords >= LoopGuard.MAX_SAME_RECORDS) {
        int size = page.records().size();
        halt = loop("pages " + (pageNumber - sameRecords + 1) + " to " + pageNumber + " held the"
            + " same " + size + (size == 1 ? " record" : " records") + " (last " + request.display()
            + "): the API serves the same data again under new next-page requests");
      } else if (repeatedPages >= 2) {
        halt = loop("pages " + (pageNumber - 1) + " and " + pageNumber + " held only records"
            + " already delivered (" + request.display() + "): the API serves the same data again");
      } else if (stop == null) {
        try {
          next = builder.build(req, pagination);
        } catch (RunFailureException e) {
          halt = new RunStop(StopReason.ERROR, e);
        }
        if (next == null) {
          // the next request cannot be built: the page is written, then the run fails
        } else if (!guard.firstTime(next.http())) {
          halt = loop("page " + (pageNumber + 1) + " would repeat a request already sent: "
              + next.display() + "; the pagination directives do not advance");
        } else if (readAhead) {
          pipeline.sendAhead(RunPipeline.call(run, next, reader.streamParser(resp)));
        }
      }
      StopReason written = halt != null ? halt.reason : stop;
      BuiltRequest following = halt != null ? null : next;
      long number = pageNumber;
      try {
        writeWhole(writer, accepted, () -> checkpoints.after(number, written,
            following == null ? null : following.http(), taken.watermark(), accepted.size()));
        c.pages++;
        c.recordsEmitted += accepted.size();
        acceptor.written(taken);
        LOG.debug("[{}] {}: page {} {} -> {} items, {} delivered", run.runId, run.plan.name(),
            pageNumber, request.display(), page.received(), accepted.size());
        run.listener.onPage(
            new RunListener.PageEvent(
                pageNumber, request.display(), decoded.http().status(), page.received(),
                accepted.size(), c.recordsEmitted, attempts,
                page.records().size() - accepted.size(),
                accepted.isEmpty() ? null : accepted.key(0),
                accepted.isEmpty() ? null : accepted.key(accepted.size() - 1),
                pagingBefore, total, millis));
      } catch (PageWriter.PartlyWritten partly) {
        c.recordsEmitted += partly.taken;
        abandonReadAhead();
        throw partly.failure;
      } catch (RuntimeException | Error e) {
        abandonReadAhead();
        throw e;
      }
      if (halt != null) {
        throw halt;
      }
      if (stop != null) {
        return stop;
      }
      before = Before.delay(WaitReason.PAGINATION_DELAY, pagination.delay());
      pageNumber++;
      request = next;
    }
  }

  /**
   * Writes a page as one unit. A cancel (interrupt) that arrived with the page does not cut its
   * write short — an interruptible sink (a file channel) would otherwise fail half way — and
   * stays pending for the send that follows.
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

  private static long offsetOf(Map<String, Object> pagination) {
    Object v = pagination == null ? null : pagination.get("offset");
    return v instanceof Number n ? n.longValue() : 0;
  }

  /** The stop after a page, once its records are written ({@code emitted} then). */
  private StopReason decide(
      Page page, PaginationPlan pagination, boolean more, long limit, long emitted) {
    Counters c = run.counters;
    if (emitted >= run.limits.maxRecords()) {
      return StopReason.MAX_RECORDS;
    }
    if (emitted >= limit) {
      return StopReason.LIMIT;
    }
    if (pagination == null) {
      return StopReason.NO_PAGINATION;
    }
    if (!more) {
      return StopReason.CONDITION_FALSE;
    }
    if (page.received() == 0 && pagination.condition() == null) {
      return StopReason.EMPTY_PAGE;
    }
    if (c.logicalRequests >= run.limits.maxRequests()) {
      return StopReason.MAX_REQUESTS;
    }
    if (c.paginationRequests >= run.limits.maxPaginationRequests()) {
      return StopReason.MAX_PAGINATION_REQUESTS;
    }
    return null;
  }

  private boolean condition(Template condition) {
    return condition == null || Values.truthy(reader.evaluate(condition, "pagination.condition"));
  }

  /**
   * Whether the walk of {@code req} sends each next page's request while the page before it is
   * written: when the run has a read-ahead executor and nothing is to be waited for between pages
   * (no {@code pagination.delay}, no rate limit) and the request is not repeated.
   */
  private boolean readsAhead(RequestPlan req) {
    PaginationPlan pagination = req.pagination();
    return run.readAhead != null && pagination != null && req.repeat() == null
        && !run.pacer.active()
        && (pagination.delay() == null || pagination.delay().isZero());
  }

  private Exchange<Decoded> respond(
      RequestPlan req, BuiltRequest request, boolean resumed, Before before) {
    Exchange<Decoded> exchange = settle(pipeline.send(
        RunPipeline.call(run, request, reader.streamParser(req.response())), before,
        r -> reader.decode(r, req.response())));
    Decoded decoded = exchange.body();
    if (resumed && statuses.expiredCursor(decoded.http().status())) {
      throw new ExpiredCursor(decoded.http().status(), request.display());
    }
    reader.expose(decoded, req.response(), request);
    return exchange;
  }

  /** Counts what the exchange did; a failed one then ends the run (the one place it does). */
  private <T> Exchange<T> settle(Exchange<T> exchange) {
    run.counters.add(exchange);
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
      run.counters.add(withdrawn);
    }
  }

  private StopReason repeat(RequestPlan req, BuiltRequest request) {
    if (req.repeat() == null) {
      return null;
    }
    int done = 1;
    while (done < req.repeat().limit()
        && Values.truthy(reader.evaluate(req.repeat().condition(), "repeat.condition"))) {
      if (run.counters.logicalRequests >= run.limits.maxRequests()) {
        return StopReason.MAX_REQUESTS;
      }
      respond(req, request, false, Before.delay(WaitReason.REPEAT_DELAY, req.repeat().delay()));
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
    if (t == null) {
      return Long.MAX_VALUE;
    }
    Object v = reader.evaluate(t, "response.limit");
    if (v == null) {
      return Long.MAX_VALUE;
    }
    try {
      long n = new BigDecimal(Values.toText(v).trim()).longValueExact();
      if (n >= 1) {
        return n;
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // reported below
    }
    throw new RunStop(
        StopReason.ERROR,
        new RunFailureException(
            run.plan.name() + ": response.limit must be a whole number of at least 1, got "
                + Values.toText(v)));
  }

  private RunStop loop(String why) {
    return new RunStop(
        StopReason.LOOP_DETECTED,
        new RunFailureException(run.plan.name() + ": loop detected: " + why));
  }
}
