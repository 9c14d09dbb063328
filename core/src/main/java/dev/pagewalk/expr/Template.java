package dev.pagewalk.expr;

/**
 * A compiled spec value: a constant, a single {@code {{expression}}} (which keeps its type), a
 * string with interpolated parts, or a map or list of templates. Immutable and thread-safe;
 * compiled once at load time, evaluated many times.
 */
public interface Template {
  /**
   * Evaluates this template. Map entries whose value evaluates to null are omitted from the
   * result (so a cursor that does not exist yet is simply not sent).
   *
   * @throws EvaluationException when an expression fails on the data (never for a missing key)
   */
  Object evaluate(Bindings bindings);

  /** True when the value has no expression at all. */
  boolean isConstant();
}
