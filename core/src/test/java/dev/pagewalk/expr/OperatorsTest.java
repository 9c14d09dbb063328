package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorsTest {
  static final Map<String, Object> VARS =
      Map.of(
          "body",
              Map.of(
                  "data",
                  List.of(Map.of("id", 1L), Map.of("id", 2L), Map.of("id", 3L)),
                  "map",
                  Map.of("a-b", "dash", "k", "v"),
                  "n",
                  5,
                  "d",
                  2.5,
                  "zero",
                  0L,
                  "s",
                  "text",
                  "empty",
                  List.of()),
          "headers", Map.of("x-next-cursor", "c2"),
          "item", Map.of("i", 2L));

  static String evalJson(String expression) {
    return Expr.json(Expr.eval(expression, VARS));
  }

  @Nested
  class Paths {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        body.data[1].id               | 1
        body.data[-1].id              | 3
        body.data[3].id               | 3
        body.data[4]                  | null
        body.data[0]                  | null
        body.data[-4]                 | null
        body.data[item.i].id          | 2
        body.data[1.0].id             | 1
        body.data[1.5]                | null
        body.map['a-b']               | "dash"
        body.map.`a-b`                | "dash"
        headers.`x-next-cursor`       | "c2"
        body.missing.deeper[1].x      | null
        body.s.length                 | null
        body.data.id                  | null
        body.data['id']               | null
        body.map[1]                   | null
        last(body.data).id            | 3
        """)
    void resolvesNullSafely(String expression, String json) {
      assertThat(evalJson(expression)).isEqualTo(json);
    }
  }

  @Nested
  class Arithmetic {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        1 + 2                       | 3
        body.n + 1                  | 6
        body.d * 2                  | 5.0
        0.1 + 0.2                   | 0.3
        7 / 2                       | 3.5
        6 / 3                       | 2
        1 / 3                       | 0.3333333333333333
        7 % 3                       | 1
        -body.n                     | -5
        2 - 3 * 4                   | -10
        (2 - 3) * 4                 | -4
        9223372036854775807 + 1     | 9223372036854775808
        9223372036854775807 * 2     | 18446744073709551614
        'a' + 1                     | "a1"
        1 + 'a'                     | "1a"
        'x' + null                  | "x"
        'n=' + 1.50                 | "n=1.50"
        'l=' + body.empty           | "l=[]"
        """)
    void computes(String expression, String json) {
      assertThat(evalJson(expression)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        1 / 0              | division by zero
        1 % body.zero      | division by zero
        1 + null           | cannot add number and null
        body.data - 1      | cannot subtract list and number
        true * 2           | cannot multiply boolean and number
        -body.s            | cannot negate string
        1 < 'a'            | cannot compare number with string
        null >= 1          | cannot compare null with number
        """)
    void failsOnNonNumbers(String expression, String message) {
      assertThatThrownBy(() -> Expr.eval(expression, VARS))
          .isInstanceOf(EvaluationException.class)
          .hasMessage("expression {{" + expression + "}}: " + message);
    }
  }

  @Nested
  class Comparison {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        1 == 1.0                       | true
        1 = 1                          | true
        '1' == 1                       | false
        '1' != 1                       | true
        null == null                   | true
        body.missing == null           | true
        body.empty == body.empty       | true
        body.data[1] == body.data[1]   | true
        body.map == body.data          | false
        true == 1                      | false
        2 < 10                         | true
        'b' > 'a'                      | true
        'B' < 'a'                      | true
        2.5 >= body.d                  | true
        body.n <= 4                    | false
        """)
    void compares(String expression, boolean expected) {
      assertThat(Expr.eval(expression, VARS)).isEqualTo(expected);
    }
  }

  @Nested
  class Logic {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        true && 1                    | true
        1 and 0                      | false
        0 || ''                      | false
        null or 'x'                  | true
        !body.empty                  | true
        not body.s                   | false
        body.empty ? 'y' : 'n'       | "n"
        body.s ? 'y' : 'n'           | "y"
        body.zero ? 1 : body.n ? 2 : 3 | 2
        """)
    void usesTruthiness(String expression, String json) {
      assertThat(evalJson(expression)).isEqualTo(json);
    }

    @Test
    void shortCircuitsAnd() {
      assertThat(Expr.eval("body.missing != null && parseNumber(body.s) > 1", VARS))
          .isEqualTo(false);
    }

    @Test
    void shortCircuitsOr() {
      assertThat(Expr.eval("true || 1 / 0", VARS)).isEqualTo(true);
    }

    @Test
    void evaluatesOnlyTheChosenBranch() {
      assertThat(Expr.eval("body.zero ? 1 / 0 : 'safe'", VARS)).isEqualTo("safe");
      assertThat(Expr.eval("if(body.zero, 1 / 0, 'safe')", VARS)).isEqualTo("safe");
    }
  }
}
