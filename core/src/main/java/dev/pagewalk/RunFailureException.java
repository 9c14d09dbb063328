package dev.pagewalk;

/**
 * A run that cannot go on although every response was valid: a loop detected, an expression that
 * failed on the data, a per-request deadline, a broken contract such as a non-list {@code iterate}
 * result.
 */
public final class RunFailureException extends PagewalkException {
  public RunFailureException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  public RunFailureException(ErrorCode code, String message) {
    this(code, message, null);
  }

  /**
   * @deprecated a failure says what it is: use a constructor with an {@link ErrorCode}
   */
  @Deprecated
  public RunFailureException(String message, Throwable cause) {
    this(ErrorCode.INTERNAL, message, cause);
  }

  /**
   * @deprecated a failure says what it is: use a constructor with an {@link ErrorCode}
   */
  @Deprecated
  public RunFailureException(String message) {
    this(ErrorCode.INTERNAL, message, null);
  }
}
