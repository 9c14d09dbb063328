package dev.pagewalk;

/**
 * Root of every failure pagewalk reports. The kinds are few and closed: a spec that cannot be
 * loaded, run inputs that break their declarations, an HTTP failure, a run stopped by a limit or a
 * loop, and a cancelled run. Messages name the spec and, at run time, the request (with secrets
 * redacted).
 */
public abstract sealed class PagewalkException extends RuntimeException
    permits SpecException,
        InputException,
        HttpFailureException,
        RunFailureException,
        CancelledException {

  private final ErrorCode code;

  protected PagewalkException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = java.util.Objects.requireNonNull(code, "code");
  }

  /** The failure's stable code. */
  public ErrorCode code() {
    return code;
  }
}
