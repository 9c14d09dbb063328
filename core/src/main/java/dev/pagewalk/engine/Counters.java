package dev.pagewalk.engine;

import dev.pagewalk.engine.send.Exchange;
import dev.pagewalk.engine.send.Waits;
import dev.pagewalk.retry.FaultKind;
import java.time.Duration;

/** What a run has done so far; confined to the run's thread. */
final class Counters {
  long requests;
  long logicalRequests;
  long paginationRequests;
  long retries;
  long pages;
  long recordsReceived;
  long recordsFiltered;
  long recordsEmitted;
  long bytesReceived;
  long emptyPagesWithContinuation;
  long duplicates;
  long alreadySynced;
  long beyondBoundary;
  /** Pagination requests to another origin whose credentials (headers, qs values) were dropped. */
  long credentialsStripped;
  /**
   * Every failed attempt by its stable short name ({@code connection-reset}, {@code status 503},
   * ... see {@link dev.pagewalk.retry.Fault}), retried or not; sorted by name.
   */
  final java.util.Map<String, Long> faults = new java.util.TreeMap<>();
  Duration waited = Duration.ZERO;
  Duration retryWaited = Duration.ZERO;
  Duration rateLimitWaited = Duration.ZERO;
  Duration delayWaited = Duration.ZERO;

  /** Counts what sending one call did: its requests, retries, faults, bytes and waits. */
  void add(Exchange<?> exchange) {
    requests += exchange.attempts();
    if (exchange.logical()) {
      logicalRequests++;
      if (exchange.call().pagination()) {
        paginationRequests++;
      }
    }
    retries += exchange.retries();
    bytesReceived += exchange.bytes();
    for (FaultKind fault : exchange.faults()) {
      faults.merge(fault.label(), 1L, Long::sum);
    }
    Waits w = exchange.waits();
    if (w != Waits.NONE) {
      waited = waited.plus(w.total());
      retryWaited = retryWaited.plus(w.retry());
      rateLimitWaited = rateLimitWaited.plus(w.rateLimit());
      delayWaited = delayWaited.plus(w.delay());
    }
  }
}
