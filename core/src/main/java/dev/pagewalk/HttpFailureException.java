package dev.pagewalk;

/**
 * A request that failed: an invalid response (status or {@code valid}), or an I/O failure that
 * retries did not cure. The message names the spec, the request (redacted) and the cause.
 */
public final class HttpFailureException extends PagewalkException {
  private final int status;

  public HttpFailureException(ErrorCode code, String message, int status, Throwable cause) {
    super(code, message, cause);
    this.status = status;
  }

  /**
   * A failure coded {@link ErrorCode#HTTP_STATUS} when there was a response, {@link
   * ErrorCode#NETWORK} otherwise.
   */
  public HttpFailureException(String message, int status, Throwable cause) {
    this(status > 0 ? ErrorCode.HTTP_STATUS : ErrorCode.NETWORK, message, status, cause);
  }

  /** The HTTP status, or 0 when no response was received. */
  public int status() {
    return status;
  }
}
