package dev.pagewalk.expr;

/**
 * An expression that failed on the data at run time; the message quotes the expression and, when
 * the template came from a spec file, starts with its {@link SourceLocation}: {@code
 * customers.yaml:14:16 (/request/response/iterate): expression {{body.items}}: ...}.
 */
public final class EvaluationException extends RuntimeException {
  private final transient SourceLocation location;
  private final boolean pastDeadline;

  public EvaluationException(String message, Throwable cause) {
    this(null, message, cause);
  }

  public EvaluationException(String message) {
    this(null, message, null);
  }

  EvaluationException(SourceLocation location, String message, Throwable cause) {
    this(location, message, cause, false);
  }

  EvaluationException(
      SourceLocation location, String message, Throwable cause, boolean pastDeadline) {
    super(location == null ? message : location + ": " + message, cause);
    this.location = location;
    this.pastDeadline = pastDeadline;
  }

  /** Whether the evaluation was stopped by its {@link EvalDeadline}, not by the data. */
  public boolean pastDeadline() {
    return pastDeadline;
  }

  /** Where the failed template is in its spec file, or null when it came from no file. */
  public SourceLocation location() {
    return location;
  }

  /**
   * The message a run reports: the located message, or, for a template from no file, {@code spec:
   * place: message} with the place the caller names ({@code response.iterate}).
   */
  public String reported(String specName, String place) {
    return location != null ? getMessage() : specName + ": " + place + ": " + getMessage();
  }
}
