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
  long initialRequests;
  Duration waited = Duration.ZERO;
  Duration retryWaited = Duration.ZERO;
  Duration rateLimitWaited = Duration.ZERO;
  Duration delayWaited = Duration.ZERO;
}
