package dev.pagewalk.engine.send;

import dev.pagewalk.RunStats.FaultKind;
import java.util.List;

/**
 * All that sending one call did: the call, its decoded response ({@code body}; null when it
 * failed), the requests that went out ({@code attempts}, retries and a read-ahead taken included),
 * the faults of the failed attempts in order, the retries, the bytes received, the time waited by
 * reason, when it started ({@code sentAt}, a {@link System#nanoTime()}; for a read-ahead, when the
 * run's thread would have sent it) and how long it took, and whether it was a logical request (not
 * the same page asked for again, not cancelled before it began). A {@code failure} ends the run;
 * the page loop folds every exchange into the run's counters first.
 */
public record Exchange<T>(
    Call call,
    T body,
    int attempts,
    List<FaultKind> faults,
    int retries,
    long bytes,
    Waits waits,
    boolean logical,
    long sentAt,
    long durationNanos,
    SendFailure failure) {
  public Exchange {
    faults = List.copyOf(faults);
  }

  /** A read-ahead given up after its request went out: a logical request sent, nothing else. */
  static <T> Exchange<T> withdrawn(Call call) {
    return new Exchange<>(call, null, 1, List.of(), 0, 0, Waits.NONE, true, 0, 0, null);
  }

  public boolean failed() {
    return failure != null;
  }
}
