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
  Duration waited = Duration.ZERO;
  Duration retryWaited = Duration.ZERO;
}
