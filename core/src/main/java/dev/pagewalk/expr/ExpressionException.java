package dev.pagewalk.expr;

/**
 * An expression that does not compile: a syntax error, a construct outside the grammar, a variable
 * not in scope, an unknown function or a wrong number of arguments. Thrown at load time only.
 */
public final class ExpressionException extends Exception {
  private final String relativePointer;
  private final int offset;
  private final String hint;

  /**
   * @param message one-line reason, no location
   * @param relativePointer JSON pointer of the offending string inside the compiled value ("" when
   *     the value itself is the string, "/qs/limit" for a nested one)
   * @param offset 0-based character offset of the problem inside that string
   * @param hint an optional fix ("did you mean 'length'?"), or null
   */
  public ExpressionException(String message, String relativePointer, int offset, String hint) {
    super(message);
    this.relativePointer = relativePointer == null ? "" : relativePointer;
    this.offset = Math.max(0, offset);
    this.hint = hint;
  }

  public String relativePointer() {
    return relativePointer;
  }

  public int offset() {
    return offset;
  }

  public String hint() {
    return hint;
  }
}
