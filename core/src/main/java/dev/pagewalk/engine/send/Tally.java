package dev.pagewalk.engine.send;

import dev.pagewalk.RunStats.FaultKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What one call has done so far, confined to the retry link's send of it; becomes the Exchange. */
final class Tally {
  private final Call call;
  private boolean logical;
  private int attempts;
  private final List<FaultKind> faults = new ArrayList<>(0);
  private int retries;
  private long bytes;
  private Waits waits = Waits.NONE;
  private long sentAt;

  Tally(Call call, boolean logical) {
    this.call = call;
    this.logical = logical;
  }

  void notLogical() {
    logical = false;
  }

  void started() {
    sentAt = System.nanoTime();
  }

  /** Folds in one attempt; a read-ahead taken as the first one moves the start back. */
  void add(Attempt attempt, boolean first) {
    attempts += attempt.sent();
    waits = waits.plus(attempt.waits());
    if (first && attempt.sentAt() != 0) {
      sentAt = attempt.sentAt();
    }
  }

  void fault(FaultKind fault) {
    faults.add(fault);
  }

  void retried() {
    retries++;
  }

  void waited(Pause why, Duration duration) {
    waits = waits.plus(why, duration);
  }

  void received(long n) {
    bytes += n;
  }

  <T> Exchange<T> done(T body) {
    return exchange(body, null);
  }

  <T> Exchange<T> failed(SendFailure failure) {
    return exchange(null, failure);
  }

  private <T> Exchange<T> exchange(T body, SendFailure failure) {
    long start = sentAt == 0 ? System.nanoTime() : sentAt;
    return new Exchange<>(
        call,
        body,
        attempts,
        faults,
        retries,
        bytes,
        waits,
        logical,
        start,
        System.nanoTime() - start,
        failure);
  }
}
