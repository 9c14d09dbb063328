package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hostile-expression corpus: every entry fails at load time and MVEL never sees it. */
class HostileExpressionsTest {
  private static final Pattern REPEAT = Pattern.compile("\\$repeat\\((\\d+),([^)]*|\\(|\\))\\)");
  private static final List<String> MVEL_SOURCES = new ArrayList<>();
  private static final ExpressionCompiler COMPILER = new ExpressionCompiler(MVEL_SOURCES::add);

  record Entry(String name, String expression, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Entry> corpus() throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in =
        HostileExpressionsTest.class.getResourceAsStream("/expr/hostile-expressions.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int arrow = line.lastIndexOf(" ==> ");
        String source = line.substring(0, arrow);
        String name = source.length() > 60 ? source.substring(0, 57) + "..." : source;
        entries.add(new Entry(name, expand(source), line.substring(arrow + 5)));
      }
    }
    return entries;
  }

  private static String expand(String source) {
    String out = source;
    Matcher m = REPEAT.matcher(out);
    while (m.find()) {
      String text = m.group(2).replace("\\n", "\n").replace("\\u0000", "\u0000");
      out =
          out.substring(0, m.start())
              + text.repeat(Integer.parseInt(m.group(1)))
              + out.substring(m.end());
      m = REPEAT.matcher(out);
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRejectedAtLoadTime(Entry entry) {
    ExpressionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExpressionException.class,
            () -> COMPILER.compile("{{" + entry.expression() + "}}", Expr.ALL));
    assertThat(e.getMessage()).as(entry.expression()).isEqualTo(entry.message());
  }

  @Test
  void hasAtLeastSixtyEntries() throws IOException {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(60);
  }

  @Test
  void compilesOrdinaryExpressionsThroughTheSameGate() throws ExpressionException {
    List<String> seen = new ArrayList<>();
    Template t = new ExpressionCompiler(seen::add).compile("{{body.`class`}}", Expr.ALL);
    assertThat(t.evaluate(Map.of("body", Map.of("class", "x"))::get)).isEqualTo("x");
    assertThat(seen).containsExactly("pw_member(v0,k0)");
  }

  @Test
  void treatsSingleEqualsAsComparisonNotAssignment() throws ExpressionException {
    Template t = new ExpressionCompiler().compile("{{body.x = 1}}", Expr.ALL);
    Map<String, Object> body = new java.util.HashMap<>(Map.of("x", 2L));
    assertThat(t.evaluate(Map.<String, Object>of("body", body)::get)).isEqualTo(false);
    assertThat(body).containsEntry("x", 2L);
  }

  @AfterAll
  static void mvelSawNothing() {
    assertThat(MVEL_SOURCES).isEmpty();
  }
}
