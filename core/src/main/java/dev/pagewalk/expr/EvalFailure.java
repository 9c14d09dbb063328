package dev.pagewalk.expr;

/** A runtime failure inside a helper; the compiled expression adds its source to the message. */
final class EvalFailure extends RuntimeException {
  private final boolean pastDeadline;

  EvalFailure(String message) {
    this(message, false);
  }

  private EvalFailure(String message, boolean pastDeadline) {
    super(message, null, false, false);
    this.pastDeadline = pastDeadline;
  }

  /** The evaluation ran past its {@link EvalDeadline}. */
  static EvalFailure pastDeadline(String message) {
    return new EvalFailure(message, true);
  }

  boolean isPastDeadline() {
    return pastDeadline;
  }
}
