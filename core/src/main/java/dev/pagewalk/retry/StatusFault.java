package dev.pagewalk.retry;

/** A response whose status the spec retries ({@code retry.on}); named {@code status 503}. */
public record StatusFault(int status) implements FaultKind {
  @Override
  public String label() {
    return "status " + status;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
