package dev.pagewalk.expr;

/** The language's value rules, shared by the engine: truthiness, equality, text form. */
public final class Values {
  private Values() {}

  /** null, false, 0, '', empty list and empty map are false; everything else is true. */
  public static boolean truthy(Object value) {
    throw new UnsupportedOperationException("implemented by the expr package");
  }

  /** The text form used by string interpolation, query strings and headers. */
  public static String toText(Object value) {
    throw new UnsupportedOperationException("implemented by the expr package");
  }
}
