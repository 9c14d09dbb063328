package dev.pagewalk;

import java.util.Objects;

/**
 * One problem found in a spec file, with where it is: file, 1-based line and column, the JSON
 * pointer of the offending value, the source line and an optional hint ("did you mean ...").
 */
public record Diagnostic(
    String file,
    int line,
    int column,
    String pointer,
    String message,
    String sourceLine,
    String hint) {

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    pointer = pointer == null ? "" : pointer;
    sourceLine = sourceLine == null ? "" : sourceLine;
  }

  /** {@code file:line:col: message}, as compilers print it. */
  public String headline() {
    return file + ":" + line + ":" + column + ": " + message;
  }

  /**
   * The headline, the JSON pointer, the source line with a caret under the column, and the hint if
   * there is one.
   */
  public String format() {
    StringBuilder out = new StringBuilder(headline());
    out.append(" (at ").append(pointer.isEmpty() ? "/" : pointer).append(')');
    if (!sourceLine.isEmpty()) {
      out.append('\n').append("  ").append(sourceLine).append('\n').append("  ");
      for (int i = 1; i < column && i <= sourceLine.length(); i++) {
        out.append(sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
      }
      out.append('^');
    }
    if (hint != null && !hint.isEmpty()) {
      out.append('\n').append("  hint: ").append(hint);
    }
    return out.toString();
  }
}
