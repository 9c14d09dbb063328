package dev.pagewalk.expr;

import java.io.Serializable;
import org.mvel2.MVEL;

/**
 * One {@code {{...}}} expression compiled by MVEL, with its constant and variable tables. A pure
 * path is evaluated by its load-time accessor; anything else by the compiled MVEL expression, the
 * only evaluator of the language. Immutable and thread-safe: MVEL keeps the accessors it optimizes
 * in the compiled tree, and every evaluation has its own {@link SlotFactory}.
 */
final class CompiledExpression {
  private final String source;
  private final Serializable compiled;
  private final SlotFactory.Slot[] constantSlots;
  private final String[] variables;
  private final String mvelSource;
  private final PathAccessor path;
  private final Node node;
  private final SourceLocation location;

  CompiledExpression(
      String source,
      Serializable compiled,
      Object[] constants,
      String[] variables,
      String mvelSource) {
    this(source, compiled, constants, variables, mvelSource, null, null, null);
  }

  /**
   * With {@code path}, a pure path expression is evaluated by its accessor, not by MVEL; {@code
   * node} is the checked syntax tree (null when unknown), kept to tell what the expression reads;
   * {@code location} is where it is in its spec file (null when unknown), named by its failures.
   */
  CompiledExpression(
      String source,
      Serializable compiled,
      Object[] constants,
      String[] variables,
      String mvelSource,
      PathAccessor path,
      Node node,
      SourceLocation location) {
    this.path = path;
    this.location = location;
    this.node = node;
    this.source = source;
    this.compiled = compiled;
    this.constantSlots = SlotFactory.constants(constants);
    this.variables = variables;
    this.mvelSource = mvelSource;
  }

  Object evaluate(Bindings bindings) {
    if (path != null) {
      return path.evaluate(bindings);
    }
    try {
      return MVEL.executeExpression(compiled, new SlotFactory(constantSlots, variables, bindings));
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  /** Evaluates to the text form used in interpolation, refusing one beyond the limits. */
  String evaluateToText(Bindings bindings) {
    Object value = evaluate(bindings);
    try {
      return ValueLimits.toText(value, "the text form");
    } catch (EvalFailure e) {
      throw failure(e);
    }
  }

  /** The error to report for a failed evaluation: the language's own message when there is one. */
  private EvaluationException failure(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EvalFailure f) {
        return new EvaluationException(
            location, "expression {{" + source + "}}: " + f.getMessage(), null, f.isPastDeadline());
      }
      if (t instanceof EvaluationException f) {
        return f;
      }
    }
    String plain = plainReason(e);
    if (plain != null) {
      return new EvaluationException(location, "expression {{" + source + "}}: " + plain, e);
    }
    return new EvaluationException(location, "expression {{" + source + "}}: internal error", e);
  }

  /** A plain reason for a failure of the Java platform that a built-in did not name itself. */
  private static String plainReason(RuntimeException e) {
    if (e instanceof ArithmeticException) {
      return "a number is out of range";
    }
    if (e instanceof java.time.DateTimeException) {
      return "a date is out of range";
    }
    return null;
  }

  /** Where the expression is in its spec file, or null when unknown. */
  SourceLocation location() {
    return location;
  }

  /** The checked syntax tree, or null when unknown. */
  Node node() {
    return node;
  }

  /** The accessor when the expression is a pure path, else null. */
  PathAccessor path() {
    return path;
  }

  String source() {
    return source;
  }

  String mvelSource() {
    return mvelSource;
  }
}
