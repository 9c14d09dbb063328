package dev.pagewalk.engine.page;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.StopReason;
import dev.pagewalk.audit.Auditor;
import dev.pagewalk.audit.OrderTuples;
import dev.pagewalk.audit.PageFacts;
import dev.pagewalk.expr.Values;
import dev.pagewalk.json.RecordKeys;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.SyncPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accepts the pages of one walk: checks the declared order, drops what an incremental run already
 * has (or what lies past its boundary), drops keys already delivered, hands the evidence to the
 * auditor and returns the rest, to be written with the page's checkpoint. The watermark only moves
 * when the page has been {@link #written}: a page the destination never took does not advance it.
 */
public final class PageAcceptor {
  private final Plan spec;
  private final Auditor auditor;
  private final KeySet seen;
  private final List<Object> stateWatermark;
  private final Object boundary;

  /** The keys of this walk when a rewalk compares walks; null otherwise. */
  private final Set<String> walkKeys;

  private List<Object> lastOrder;
  private List<Object> watermark;

  public PageAcceptor(
      Plan spec,
      Auditor auditor,
      KeySet seen,
      List<Object> stateWatermark,
      Object boundary,
      List<Object> watermark,
      Set<String> walkKeys) {
    this.spec = spec;
    this.auditor = auditor;
    this.seen = seen;
    this.stateWatermark = stateWatermark;
    this.boundary = boundary;
    this.watermark = watermark;
    this.walkKeys = walkKeys;
  }

  /**
   * A page accepted: the records to write, the watermark once they are written, what was dropped
   * and why, and the page's description.
   *
   * @param allRepeated the page had records, and every one was already delivered in this walk
   * @param duplicates records already delivered earlier in this walk
   * @param deliveredBefore records dropped because an earlier walk of the run delivered them (or
   *     the destination holds them from the run this one resumes)
   */
  public record Accepted(
      PageRecords records,
      List<Object> watermark,
      boolean allRepeated,
      int duplicates,
      int deliveredBefore,
      int alreadySynced,
      int beyondBoundary,
      PageFacts facts) {}

  /** What the page loop knows of a page's exchange when it accepts the page. */
  public record Exchanged(
      String request,
      int status,
      int attempts,
      Map<String, Object> pagingState,
      Object total,
      long durationMillis) {}

  public Accepted accept(Page page, long pageNumber, Exchanged exchange) {
    SyncPlan sync = spec.sync();
    checkOrder(page, pageNumber);
    PageRecords records = page.records();
    int size = records.size();
    boolean[] keep = new boolean[size];
    int kept = 0;
    int synced = 0;
    int beyond = 0;
    int before = 0;
    List<Object> mark = watermark;
    List<Object> duplicates = new ArrayList<>();
    long[] fingerprints = seen.prepare(records);
    for (int i = 0; i < size; i++) {
      if (sync.incremental()) {
        List<Object> pair = page.cursors().get(i);
        if (stateWatermark != null && CursorValues.comparePairs(pair, stateWatermark) <= 0) {
          synced++;
          continue;
        }
        if (boundary != null && CursorValues.compare(pair.get(0), boundary) > 0) {
          beyond++;
          continue;
        }
        if (mark == null || CursorValues.comparePairs(pair, mark) > 0) {
          mark = pair;
        }
      }
      Object key = records.key(i);
      boolean newInRun = key == null || seen.addFingerprint(fingerprints[i]);
      boolean repeatedInWalk =
          key != null && (walkKeys != null ? !walkKeys.add(RecordKeys.canonical(key)) : !newInRun);
      if (repeatedInWalk) {
        duplicates.add(key);
      } else if (!newInRun) {
        before++;
      }
      if (newInRun) {
        keep[i] = true;
        kept++;
      }
    }
    PageRecords deliver = kept == size ? records : records.keep(keep);
    List<List<Object>> order = page.order();
    PageFacts facts =
        new PageFacts(
            pageNumber,
            exchange.request(),
            exchange.pagingState(),
            exchange.status(),
            exchange.attempts(),
            page.received(),
            page.filtered(),
            deliver.size(),
            size - deliver.size(),
            deliver.isEmpty() ? null : deliver.key(0),
            deliver.isEmpty() ? null : deliver.key(deliver.size() - 1),
            duplicates,
            exchange.total(),
            order.isEmpty() ? null : order.get(0),
            order.isEmpty() ? null : order.get(order.size() - 1),
            page.sequentialIds(),
            exchange.durationMillis());
    auditor.page(facts);
    return new Accepted(
        deliver,
        mark,
        size > 0 && duplicates.size() == size,
        duplicates.size(),
        before,
        synced,
        beyond,
        facts);
  }

  /** The destination took the page: its watermark is the run's. */
  public void written(Accepted page) {
    watermark = page.watermark();
  }

  /** The keys delivered in the run so far, which its later walks share. */
  public KeySet delivered() {
    return seen;
  }

  /** The largest {@code (cursor, tieBreaker)} of the pages written so far; null before any. */
  public List<Object> watermark() {
    return watermark;
  }

  /**
   * The acceptor of the next walk of the same run: fresh evidence for {@code next}, the keys of the
   * new walk in {@code keys}, the same delivered keys and watermark.
   */
  public PageAcceptor nextWalk(Auditor next, Set<String> keys) {
    return new PageAcceptor(spec, next, seen, stateWatermark, boundary, watermark, keys);
  }

  private void checkOrder(Page page, long pageNumber) {
    SyncPlan sync = spec.sync();
    if (sync.order().isEmpty() || !sync.strict()) {
      return;
    }
    for (int i = 0; i < page.order().size(); i++) {
      List<Object> tuple = page.order().get(i);
      if (lastOrder != null && OrderTuples.compare(lastOrder, tuple) > 0) {
        throw new RunStop(
            StopReason.ERROR,
            new RunFailureException(
                ErrorCode.ORDER,
                spec.name()
                    + ": record "
                    + (i + 1)
                    + " of page "
                    + pageNumber
                    + " breaks the declared order "
                    + sync.orderFields()
                    + ": "
                    + Values.toText(tuple)
                    + " comes after "
                    + Values.toText(lastOrder)
                    + " (set sync.orderEnforcement: best-effort to report instead of failing)"));
      }
      lastOrder = tuple;
    }
  }
}
