package dev.pagewalk.expr;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Fuzz target: the expression lexer, parser and validator, through the compiler as a spec's values
 * reach it. Any text compiles or fails with {@link ExpressionException} (located by pointer and
 * offset); nothing else may escape. The input is one template string, in the scope of an item
 * ({@code body}, {@code item}, {@code parameters}, …).
 */
class ExpressionFuzzTest {
  static final ExpressionCompiler COMPILER = new ExpressionCompiler();
  static final Scope ITEM =
      new Scope(
          "response.key",
          Set.of(
              "parameters",
              "connection",
              "temp",
              "now",
              "timestamp",
              "uuid",
              "state",
              "body",
              "headers",
              "statusCode",
              "links",
              "item"));

  @FuzzTest(maxDuration = "2m")
  void compilesOrRefusesAnyTemplate(byte[] input) {
    try {
      COMPILER.compile(new String(input, StandardCharsets.UTF_8), ITEM);
    } catch (ExpressionException refused) {
      // the located error the author sees
    }
  }
}
