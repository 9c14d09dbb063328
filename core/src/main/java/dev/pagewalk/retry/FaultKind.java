package dev.pagewalk.retry;

/**
 * What one failed attempt was: an I/O failure ({@link Fault}), a retried HTTP status ({@link
 * StatusFault}) or an empty page whose pagination condition still asked for more ({@link
 * Fault#EMPTY_PAGE_WITH_CONTINUATION}). Its {@link #label()} is the stable short name scripts match
 * on: the {@code cause} of a retry event and the key of the run's {@code faults} counter.
 */
public sealed interface FaultKind permits Fault, StatusFault {
  /** The stable short name: {@code connection-reset}, {@code status 503}. */
  String label();

  /** Whether sending the same request again can help. */
  boolean retryable();
}
