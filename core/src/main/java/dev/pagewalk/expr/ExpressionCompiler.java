package dev.pagewalk.expr;

/**
 * Compiles spec values into {@link Template}s. Every {@code {{...}}} part is parsed by the
 * project's own parser, checked against the grammar, the variables of the {@link Scope} and the
 * built-in functions, and only then translated to MVEL and compiled. Thread-safe.
 */
public final class ExpressionCompiler {

  /**
   * Compiles a spec value as read from YAML: String, Number, Boolean, null, List or Map with
   * String keys (nested). Strings may contain {@code {{ expression }}} parts.
   */
  public Template compile(Object value, Scope scope) throws ExpressionException {
    throw new UnsupportedOperationException("implemented by the expr package");
  }
}
