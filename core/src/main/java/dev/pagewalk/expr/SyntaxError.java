package dev.pagewalk.expr;

/** A compile error inside one expression, located by offset in the expression source. */
final class SyntaxError extends RuntimeException {
  final int offset;
  final String hint;

  SyntaxError(String message, int offset, String hint) {
    super(message, null, false, false);
    this.offset = offset;
    this.hint = hint;
  }

  SyntaxError(String message, int offset) {
    this(message, offset, null);
  }
}
