/**
 * The template and expression language of pagewalk specs (docs/spec-reference.md, "Expressions").
 *
 * <p>Pipeline: {@link dev.pagewalk.expr.ExpressionCompiler} splits spec strings into text and
 * {@code {{...}}} parts; each part is lexed and parsed by the project's own recursive-descent
 * parser (max 4096 characters, nesting 32), validated against the {@link dev.pagewalk.expr.Scope}
 * and the built-in functions, and translated to MVEL source that consists only of calls of
 * {@link dev.pagewalk.expr.RuntimeCalls} ({@code pw_call0..4}, {@code pw_truthy}), generated
 * identifiers {@code v<n>} (variables) and {@code k<n>} (a constant table holding literals and
 * the operation objects), commas, parentheses and {@code ? :}. The shape is checked before MVEL
 * compiles it, once, at load time. MVEL's default (dynamic) optimizer is used; compiled
 * expressions are shared by concurrent evaluations, each with its own variable factory.
 *
 * <p>Indexes in paths are 1-based ({@code items[1]}, {@code items[-1]} = last) as in Make's IML;
 * {@code substring}, {@code indexOf} and {@code slice} count from 0 like JavaScript and IML.
 * {@code replace} replaces literal text (no regular expressions).
 *
 * <p>Not exported. Depends on: nothing else in pagewalk but the API's error codes.
 */
package dev.pagewalk.expr;
