package dev.pagewalk;

/**
 * A run that cannot go on although every response was valid: a loop detected, an expression
 * that failed on the data, a per-request deadline, a broken contract such as a non-list
 * {@code iterate} result.
 */
public final class RunFailureException extends PagewalkException {
  public RunFailureException(String message, Throwable cause) {
    super(message, cause);
  }

  public RunFailureException(String message) {
    this(message, null);
  }
}
