package dev.pagewalk.connector;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult.StreamResult;
import dev.pagewalk.StreamsResult.WalkResult;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.state.Checkpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * What the walks of one stream came to, as they end: each walk's small result and the stream's
 * sums. Walks of one stream end on several threads: every method is synchronized.
 */
final class StreamTally {
  private final String name;
  private final String parent;
  private final boolean selected;
  private final List<WalkResult> walks = new ArrayList<>();
  private long records;
  private long requests;
  private long ordinal;

  StreamTally(String name, String parent, boolean selected) {
    this.name = name;
    this.parent = parent;
    this.selected = selected;
  }

  String name() {
    return name;
  }

  String parent() {
    return parent;
  }

  boolean selected() {
    return selected;
  }

  /** A number for a parent record without a key: {@code #1}, {@code #2}, ... in delivery order. */
  synchronized String nextOrdinal() {
    return "#" + ++ordinal;
  }

  /** Keeps what the walk {@code label} came to, and nothing of its pages. */
  synchronized void ended(String label, RunResult result) {
    add(
        new WalkResult(
            label,
            result.stopReason(),
            result.report().verdict(),
            result.stats().recordsEmitted(),
            result.stats().requests(),
            result.failure() == null ? null : result.failure().getMessage(),
            result.failure() == null ? null : result.failure().code(),
            false));
  }

  /** Keeps a walk whose last page could not be committed: it failed with {@code failure}. */
  synchronized void notCommitted(String label, RunResult result, long records, String failure) {
    add(
        new WalkResult(
            label,
            StopReason.ERROR,
            Verdict.INCOMPLETE,
            records,
            result.stats().requests(),
            failure,
            ErrorCode.SINK_WRITE,
            false));
  }

  /** Keeps a walk that did not start: the run's {@code cap} was spent before its turn. */
  synchronized void notStarted(String label, StopReason cap) {
    add(new WalkResult(label, cap, Verdict.INCOMPLETE, 0, 0, null, null, false));
  }

  /**
   * Takes {@code #1}..{@code #n} as used: an earlier run of the sync spawned walks up to {@code
   * #n}.
   */
  synchronized void ordinalsUsed(long n) {
    ordinal = Math.max(ordinal, n);
  }

  /**
   * Keeps a walk an earlier run of the sync finished, as that run committed it with its last page:
   * its {@code outcome} — or, from a destination that holds none (written before outcomes were
   * kept), its last checkpoint's stop reason and counts, with a walk that ended naturally counted
   * as UNVERIFIED (its checks are not repeated) and one that was truncated or failed as INCOMPLETE.
   */
  synchronized void endedEarlier(String label, Checkpoint last, WalkSink.Outcome outcome) {
    if (outcome != null) {
      add(
          new WalkResult(
              label,
              outcome.stopReason(),
              outcome.verdict(),
              outcome.records(),
              outcome.requests(),
              outcome.failure(),
              outcome.errorCode(),
              true));
      return;
    }
    StopReason reason =
        last.stopReason() == null
            ? StopReason.CONDITION_FALSE
            : StopReason.fromWireName(last.stopReason());
    RunStats stats = RunStats.resumedFrom(last.counters());
    Verdict verdict =
        last.status() == Checkpoint.Status.COMPLETE ? Verdict.UNVERIFIED : Verdict.INCOMPLETE;
    add(
        new WalkResult(
            label, reason, verdict, stats.recordsEmitted(), stats.requests(), null, null, true));
  }

  private void add(WalkResult walk) {
    walks.add(walk);
    records += walk.records();
    requests += walk.requests();
  }

  /** The stream's result; its verdict is the weakest of its walks' and {@code parentVerdict}. */
  synchronized StreamResult result(Verdict parentVerdict) {
    Verdict verdict = parentVerdict == null ? Verdict.COMPLETE : parentVerdict;
    for (WalkResult w : walks) {
      verdict = Verdicts.weaker(verdict, w.verdict());
    }
    return new StreamResult(name, parent, selected, verdict, records, requests, walks);
  }
}
