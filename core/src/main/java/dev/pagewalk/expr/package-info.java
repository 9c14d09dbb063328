/**
 * The template and expression language of pagewalk specs (docs/spec-reference.md, "Expressions").
 *
 * <p>Pipeline: {@link dev.pagewalk.expr.ExpressionCompiler} splits spec strings into text and
 * {@code {{...}}} parts; each part is lexed and parsed by the project's own recursive-descent
 * parser (max 4096 characters, nesting 32), validated against the {@link dev.pagewalk.expr.Scope}
 * and the built-in functions, and translated to MVEL source that consists only of calls of the
 * closed {@link dev.pagewalk.expr.Helpers} table (static methods of {@link
 * dev.pagewalk.expr.RuntimeCalls}: {@code pw_member}, {@code pw_gt}, ..., {@code pw_call0..4} for
 * the other built-ins, {@code pw_truthy}), generated identifiers {@code v<n>} (variables) and
 * {@code k<n>} (a constant table holding literals and function objects), commas, parentheses,
 * {@code &&}, {@code ||} and {@code ? :}. The shape is checked before MVEL compiles it, once, at
 * load time, without imports: the variable factory resolves the helpers. The compiled MVEL
 * expression is the only evaluator (a pure path runs on its load-time accessor instead); it is
 * shared by concurrent evaluations, each with its own variable factory. A failure names the
 * template's {@link dev.pagewalk.expr.SourceLocation} when it came from a spec file.
 *
 * <p>Indexes in paths are 1-based ({@code items[1]}, {@code items[-1]} = last) as in Make's IML;
 * {@code substring}, {@code indexOf} and {@code slice} count from 0 like JavaScript and IML. {@code
 * replace} replaces literal text (no regular expressions).
 *
 * <p>Not exported. Depends on: nothing else in pagewalk but the API's error codes.
 */
package dev.pagewalk.expr;
