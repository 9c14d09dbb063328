package dev.pagewalk.expr;

import java.util.Objects;

/**
 * Where a template is in its spec file: the file, the 1-based line and column of the expression,
 * and the JSON pointer of the value. Printed as a compiler prints a position: {@code
 * customers.yaml:14:16 (/request/response/iterate)}. Immutable.
 */
public record SourceLocation(String file, int line, int column, String pointer) {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    pointer = pointer == null || pointer.isEmpty() ? "/" : pointer;
  }

  /**
   * Finds the location of a string inside a compiled value, at a character offset of that string;
   * the plan compiler answers from the spec document.
   */
  @FunctionalInterface
  public interface Locator {
    /** A locator for values that come from no file: every template is unlocated. */
    Locator NONE = (relativePointer, offset) -> null;

    /**
     * @param relativePointer JSON pointer of the string inside the compiled value ("" for the value
     *     itself)
     * @param offset 0-based character offset inside that string
     * @return the location, or null when unknown
     */
    SourceLocation locate(String relativePointer, int offset);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + " (" + pointer + ")";
  }
}
