package dev.pagewalk.expr;

/** A runtime failure inside a helper; the compiled expression adds its source to the message. */
final class EvalFailure extends RuntimeException {
  EvalFailure(String message) {
    super(message, null, false, false);
  }
}
