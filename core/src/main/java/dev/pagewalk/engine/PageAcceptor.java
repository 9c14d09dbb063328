package dev.pagewalk.engine;

import dev.pagewalk.RunFailureException;
import dev.pagewalk.StopReason;
import dev.pagewalk.audit.Auditor;
import dev.pagewalk.audit.OrderTuples;
import dev.pagewalk.audit.PageFacts;
import dev.pagewalk.expr.Values;
import dev.pagewalk.plan.SyncPlan;
import dev.pagewalk.sink.RecordKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accepts a page: checks the declared order, drops what an incremental run already has (or
 * what lies past its boundary), drops keys already delivered, hands the evidence to the auditor
 * and returns the rest, to be written with the page's checkpoint. The watermark only moves when
 * the page has been {@link #written}: a page the destination never took does not advance it.
 */
final class PageAcceptor {
  private final RunContext run;
  private final KeySet seen;
  private final List<Object> stateWatermark;
  private final Object boundary;
  private List<Object> lastOrder;
  /** The largest {@code (cursor, tieBreaker)} of the pages written so far. */
  List<Object> watermark;
  /** The last accepted page had records, and every one was already delivered in this walk. */
  boolean lastPageAllRepeated;
  java.util.Set<String> walkKeys;

  private Auditor auditor;

  PageAcceptor(RunContext run, Auditor auditor, KeySet seen, List<Object> stateWatermark, Object boundary) {
    this.run = run;
    this.auditor = auditor;
    this.seen = seen;
    this.stateWatermark = stateWatermark;
    this.boundary = boundary;
  }

  /** The records to write and the watermark once they are written. */
  record Accepted(PageRecords records, List<Object> watermark) {}

  Accepted accept(
      Page page, long pageNumber, String request, int status, int attempts,
      Map<String, Object> pagingState, Object total, long durationMillis) {
    SyncPlan sync = run.plan.sync();
    checkOrder(page, pageNumber);
    PageRecords records = page.records();
    int size = records.size();
    boolean[] keep = new boolean[size];
    int kept = 0;
    List<Object> mark = watermark;
    List<Object> duplicates = new ArrayList<>();
    long[] fingerprints = seen.prepare(records);
    for (int i = 0; i < size; i++) {
      if (sync.incremental()) {
        List<Object> pair = page.cursors().get(i);
        if (stateWatermark != null && CursorValues.comparePairs(pair, stateWatermark) <= 0) {
          run.counters.alreadySynced++;
          continue;
        }
        if (boundary != null && CursorValues.compare(pair.get(0), boundary) > 0) {
          run.counters.beyondBoundary++;
          continue;
        }
        if (mark == null || CursorValues.comparePairs(pair, mark) > 0) {
          mark = pair;
        }
      }
      Object key = records.key(i);
      boolean newInRun = key == null || seen.addFingerprint(fingerprints[i]);
      boolean repeatedInWalk = key != null
          && (walkKeys != null ? !walkKeys.add(RecordKeys.canonical(key)) : !newInRun);
      if (repeatedInWalk) {
        duplicates.add(key);
        run.counters.duplicates++;
      }
      if (newInRun) {
        keep[i] = true;
        kept++;
      }
    }
    PageRecords deliver = kept == size ? records : records.keep(keep);
    lastPageAllRepeated = size > 0 && duplicates.size() == size;
    List<List<Object>> order = page.order();
    auditor.page(
        new PageFacts(
            pageNumber, request, pagingState, status, attempts, page.received(), page.filtered(),
            deliver.isEmpty() ? List.of()
                : List.of(keyOf(deliver, 0), keyOf(deliver, deliver.size() - 1)),
            duplicates, total,
            order.isEmpty() ? null : order.get(0),
            order.isEmpty() ? null : order.get(order.size() - 1),
            page.sequentialIds(), durationMillis));
    return new Accepted(deliver, mark);
  }

  /** The destination took the page: its watermark is the run's. */
  void written(Accepted page) {
    watermark = page.watermark();
  }

  private static Object keyOf(PageRecords records, int index) {
    Object key = records.key(index);
    return key == null ? "" : key;
  }

  /** Starts a new walk of the same run: fresh evidence, same delivered keys. */
  void newWalk(Auditor next, java.util.Set<String> keys) {
    this.auditor = next;
    this.walkKeys = keys;
    this.lastOrder = null;
  }

  private void checkOrder(Page page, long pageNumber) {
    SyncPlan sync = run.plan.sync();
    if (sync.order().isEmpty() || !sync.strict()) {
      return;
    }
    for (int i = 0; i < page.order().size(); i++) {
      List<Object> tuple = page.order().get(i);
      if (lastOrder != null && OrderTuples.compare(lastOrder, tuple) > 0) {
        throw new RunStop(
            StopReason.ERROR,
            new RunFailureException(
                run.plan.name() + ": record " + (i + 1) + " of page " + pageNumber
                    + " breaks the declared order " + sync.orderFields() + ": "
                    + Values.toText(tuple) + " comes after " + Values.toText(lastOrder)
                    + " (set sync.orderEnforcement: best-effort to report instead of failing)"));
      }
      lastOrder = tuple;
    }
  }
}
