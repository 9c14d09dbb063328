package dev.pagewalk.expr;

/** An expression that failed on the data at run time; the message quotes the expression. */
public final class EvaluationException extends RuntimeException {
  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }

  public EvaluationException(String message) {
    this(message, null);
  }
}
