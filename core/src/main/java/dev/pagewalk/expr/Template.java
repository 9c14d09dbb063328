package dev.pagewalk.expr;

import java.util.function.Function;

/**
 * A compiled spec value: a constant, a single {@code {{expression}}} (which keeps its type), a
 * string with interpolated parts, or a map or list of templates. Immutable and thread-safe;
 * compiled once at load time, evaluated many times.
 */
public interface Template {
  /**
   * Evaluates this template. Map entries whose value evaluates to null are omitted from the result
   * (so a cursor that does not exist yet is simply not sent).
   *
   * @throws EvaluationException when an expression fails on the data (never for a missing key)
   */
  Object evaluate(Bindings bindings);

  /** True when the value has no expression at all. */
  boolean isConstant();

  /**
   * This template as a function of one variable's value, when that is all it reads and it cannot
   * fail (member and index paths only, such as an {@code output} of {@code item.*} fields); else
   * null. Lets the engine build the value later, from the variable's saved value.
   */
  default Function<Object, Object> asFunctionOf(String variable) {
    return null;
  }
}
