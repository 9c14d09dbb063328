package dev.pagewalk.engine;

import dev.pagewalk.StopReason;
import dev.pagewalk.plan.Limits;

/**
 * The caps of a connector run that its walks share: {@code limits.maxRequests} and {@code
 * limits.maxRecords} count every walk's requests and records, so a connector of many walks sends no
 * more than one run may. ({@code limits.maxPaginationRequests} and {@code limits.timeout} stay one
 * walk's, and the run's deadline is in the shared retry budget.) Thread-safe.
 *
 * <p>A request is taken from the budget before it is sent, so walks in flight at once never pass
 * {@code maxRequests}. A page's records are counted once it is read, before they are written: a
 * walk reads a page no longer than the records left, but walks that read a page at the same moment
 * may together pass {@code maxRecords} by part of a page each.
 */
public final class SharedCaps {
  private final long maxRequests;
  private final long maxRecords;
  private long requests;
  private long records;

  /** The budgets of a run under {@code limits} (counts; {@code unlimited} is no cap). */
  public SharedCaps(Limits limits) {
    this.maxRequests = limits.maxRequests();
    this.maxRecords = limits.maxRecords();
  }

  /** Takes one request from {@code limits.maxRequests}; false when none is left. */
  synchronized boolean takeRequest() {
    if (requests >= maxRequests) {
      return false;
    }
    requests++;
    return true;
  }

  /** Whether a request is left, without taking it. */
  synchronized boolean requestLeft() {
    return requests < maxRequests;
  }

  /** Records still within {@code limits.maxRecords}. */
  synchronized long recordsLeft() {
    return Math.max(0, maxRecords - records);
  }

  /** Counts a page's {@code count} records; whether {@code limits.maxRecords} is reached. */
  synchronized boolean countRecords(long count) {
    records += count;
    return records >= maxRecords;
  }

  /**
   * The cap a walk not yet started stops at, without sending anything: {@code max-records} or
   * {@code max-requests} when that budget is spent; null while both have room.
   */
  public synchronized StopReason spent() {
    if (records >= maxRecords) {
      return StopReason.MAX_RECORDS;
    }
    return requests >= maxRequests ? StopReason.MAX_REQUESTS : null;
  }
}
