package dev.pagewalk.engine;

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
}
