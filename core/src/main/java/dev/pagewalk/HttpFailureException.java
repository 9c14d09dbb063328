package dev.pagewalk;

/**
 * A request that failed: an invalid response (status or {@code valid}), or an I/O failure that
 * retries did not cure. The message names the spec, the request (redacted) and the cause.
 */
public final class HttpFailureException extends PagewalkException {
  private final int status;

  public HttpFailureException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when no response was received. */
  public int status() {
    return status;
  }
}
