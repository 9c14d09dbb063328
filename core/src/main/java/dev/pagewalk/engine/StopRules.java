package dev.pagewalk.engine;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.RunStats;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.page.Page;
import dev.pagewalk.engine.page.RunStop;
import dev.pagewalk.expr.Values;
import dev.pagewalk.plan.PaginationPlan;
import java.math.BigDecimal;

/** The spec's rules for ending a walk after a page, in the order the spec language gives them. */
final class StopRules {
  private StopRules() {}

  /**
   * The empty-page rule, before the page is accepted: a page that came back empty while the
   * condition still says "more" is asked for again, up to {@code retry.emptyPageWithContinuation}
   * times; null when the page is to be accepted.
   */
  static Decision emptyPage(
      RunContext run, Page page, PaginationPlan pagination, boolean more, int emptyRetries) {
    if (page.received() != 0 || !more || pagination.condition() == null) {
      return null;
    }
    if (emptyRetries == 0) {
      run.tally.emptyPageWithContinuation();
    }
    return emptyRetries < run.plan.retry().emptyPageWithContinuation()
        ? new Decision.RetryEmpty()
        : null;
  }

  /**
   * The stop after a page of {@code delivered} records, once they are written ({@code before} the
   * walk's records until then). The request it lets the walk send next is taken from the budget.
   */
  static StopReason after(
      RunContext run,
      Page page,
      PaginationPlan pagination,
      boolean more,
      long limit,
      long before,
      long delivered) {
    RunStats c = run.tally.now();
    if (run.recordsCapReached(before, delivered)) {
      return StopReason.MAX_RECORDS;
    }
    if (before + delivered >= limit) {
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
    boolean paginationCapped = c.paginationRequests() >= run.limits.maxPaginationRequests();
    if (!(paginationCapped ? run.requestLeft() : run.takeRequest())) {
      return StopReason.MAX_REQUESTS;
    }
    return paginationCapped ? StopReason.MAX_PAGINATION_REQUESTS : null;
  }

  /**
   * The page's {@code response.limit} as evaluated ({@code v}): no limit when null, else a whole
   * number of at least 1; anything else ends the run.
   */
  static long limit(RunContext run, Object v) {
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
            ErrorCode.EXPRESSION,
            run.plan.name()
                + ": response.limit must be a whole number of at least 1, got "
                + Values.toText(v)));
  }
}
