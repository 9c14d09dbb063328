package dev.pagewalk.engine;

import dev.pagewalk.RunStats;
import dev.pagewalk.RunStats.FaultKind;
import dev.pagewalk.WaitReason;
import dev.pagewalk.auth.AuthRequests;
import dev.pagewalk.engine.send.Exchange;
import dev.pagewalk.engine.send.Pause;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The run's {@link RunStats} so far: the one holder of the run's counts, each update a new value
 * from {@code RunStats.plus...}. The token and login requests of the run's authentication count as
 * {@code authRequests} (their retries, faults, bytes and waits with the run's): they are taken from
 * {@link AuthRequests} whenever the counts are read or a call is added. Confined to the run's
 * thread.
 */
final class Tally {
  private final AuthRequests auth;
  private RunStats stats;

  Tally(RunStats start, AuthRequests auth) {
    this.stats = start;
    this.auth = auth;
  }

  RunStats now() {
    takeAuthRequests();
    return stats;
  }

  /** Folds in what sending one call did: its requests, retries, faults, bytes and waits. */
  void add(Exchange<?> exchange) {
    takeAuthRequests();
    count(exchange, false);
    if (exchange.logical()) {
      stats = stats.plusLogicalRequest(exchange.call().pagination());
    }
  }

  private void takeAuthRequests() {
    for (Exchange<?> e : auth.take()) {
      count(e, true);
    }
  }

  private void count(Exchange<?> exchange, boolean auth) {
    Map<FaultKind, Long> faults = new HashMap<>();
    for (FaultKind fault : exchange.faults()) {
      faults.merge(fault, 1L, Long::sum);
    }
    Map<WaitReason, Duration> waited = new EnumMap<>(WaitReason.class);
    for (Pause pause : Pause.values()) {
      Duration d = exchange.waits().of(pause);
      if (!d.isZero()) {
        waited.merge(pause.counted(), d, Duration::plus);
      }
    }
    stats =
        auth
            ? stats.plusAuthExchange(exchange.attempts(), faults, exchange.bytes(), waited)
            : stats.plusExchange(exchange.attempts(), faults, exchange.bytes(), waited);
    for (int i = 0; i < exchange.retries(); i++) {
      stats = stats.plusRetry();
    }
  }

  void credentialsStripped() {
    stats = stats.plusCredentialsStripped();
  }

  void emptyPageWithContinuation() {
    stats = stats.plusEmptyPageWithContinuation();
  }

  void pageRead(long received, long filtered, long duplicates, long synced, long beyond) {
    stats = stats.plusPageRead(received, filtered, duplicates, synced, beyond);
  }

  void written(long pages, long records) {
    stats = stats.plusWritten(pages, records);
  }
}
