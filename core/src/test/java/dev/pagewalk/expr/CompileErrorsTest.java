package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompileErrorsTest {

  @Nested
  class Syntax {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        1 +                | unexpected end of expression                          | 5
        (1                 | expected ')' but found end of expression              | 4
        a ? b              | expected ':' but found end of expression              | 7
        'abc               | unterminated string                                   | 2
        'a\\qb'            | invalid escape '\\q'                                  | 4
        'a\\u0041'         | unicode escapes are not allowed                       | 4
        1 2                | unexpected '2'                                        | 4
        body.              | expected a name after '.' but found end of expression | 7
        body.x()           | method calls are not allowed; use a built-in function | 8
        (body)(1)          | only built-in functions can be called                 | 8
        new x              | 'new' is not part of the expression language          | 2
        a; b               | unexpected character ';'                              | 3
        12abc              | invalid number '12a'                                  | 2
        `x                 | unterminated name                                     | 2
        x & y              | unexpected character '&'                              | 4
        """)
    void rejectsWithMessageAndOffset(String expression, String message, int offset) {
      ExpressionException e = Expr.error(expression);
      assertThat(e.getMessage()).isEqualTo(message);
      assertThat(e.offset()).isEqualTo(offset);
      assertThat(e.relativePointer()).isEmpty();
    }

    @Test
    void suggestsDoubleAmpersand() {
      assertThat(Expr.error("true & false").hint()).isEqualTo("did you mean '&&'?");
    }

    @Test
    void rejectsEmptyExpression() {
      assertThat(Expr.error(" ").getMessage()).isEqualTo("empty expression");
    }

    @Test
    void rejectsUnclosedBraces() {
      ExpressionException e = Expr.error("id={{body.id", Expr.ALL);
      assertThat(e.getMessage()).isEqualTo("'{{' is not closed by '}}'");
      assertThat(e.offset()).isEqualTo(3);
    }
  }

  @Nested
  class Bounds {
    @Test
    void rejectsExpressionsLongerThan4096Characters() {
      ExpressionException e = Expr.error("1" + " + 1".repeat(1100));
      assertThat(e.getMessage()).isEqualTo("expression is longer than 4096 characters");
    }

    @Test
    void rejectsNestingDeeperThan32() {
      ExpressionException e = Expr.error("(".repeat(40) + "1" + ")".repeat(40));
      assertThat(e.getMessage()).isEqualTo("expression nests deeper than 32 levels");
      assertThat(e.offset()).isEqualTo(2 + 32);
    }

    @Test
    void acceptsNesting31Levels() {
      assertThat(Expr.eval("(".repeat(31) + "1" + ")".repeat(31))).isEqualTo(1L);
    }

    @Test
    void rejectsLongOperatorChains() {
      assertThat(Expr.error("1" + "+1".repeat(200)).getMessage())
          .isEqualTo("expression has more than 128 nested operations");
    }
  }

  @Nested
  class Variables {
    private final Scope url = new Scope("request.url", Set.of("parameters", "connection", "temp"));

    @Test
    void namesTheVariablesAvailableInTheScope() {
      ExpressionException e = Expr.error("{{item.id}}", url);
      assertThat(e.getMessage())
          .isEqualTo(
              "variable 'item' is not available in request.url; available here: parameters, connection, temp");
      assertThat(e.offset()).isEqualTo(2);
      assertThat(e.hint()).isNull();
    }

    @Test
    void suggestsTheClosestName() {
      ExpressionException e = Expr.error("bdy.x");
      assertThat(e.getMessage()).isEqualTo("unknown variable 'bdy'");
      assertThat(e.hint()).isEqualTo("did you mean 'body'?");
    }

    @Test
    void givesNoHintForFarNames() {
      assertThat(Expr.error("zzzzzzzz").hint()).isNull();
    }

    @Test
    void acceptsBacktickVariableNames() {
      assertThat(Expr.eval("`body`.x", Map.of("body", Map.of("x", 1L)))).isEqualTo(1L);
    }
  }

  @Nested
  class DeclaredInputs {
    private final Scope declared =
        Expr.ALL
            .declaring("parameters", Set.of("per_page", "state"))
            .declaring("connection", Set.of("token"));

    @Test
    void refusesAnUndeclaredParameterAndSuggestsTheDeclaredOne() {
      ExpressionException e = Expr.error("{{parameters.perpage}}", declared);
      assertThat(e.getMessage())
          .isEqualTo(
              "parameters.perpage is not declared; the declared parameters are: per_page, state");
      assertThat(e.hint()).isEqualTo("did you mean 'per_page'?");
      assertThat(e.offset()).isEqualTo(13);
    }

    @Test
    void refusesAnUndeclaredConnectionValue() {
      ExpressionException e = Expr.error("Bearer {{connection.tokn}}", declared);
      assertThat(e.getMessage())
          .isEqualTo("connection.tokn is not declared; the declared connection values are: token");
      assertThat(e.hint()).isEqualTo("did you mean 'token'?");
      assertThat(e.offset()).isEqualTo(20);
    }

    @Test
    void saysWhenNothingIsDeclared() {
      ExpressionException e =
          Expr.error("{{parameters.limit}}", Expr.ALL.declaring("parameters", Set.of()));
      assertThat(e.getMessage())
          .isEqualTo("parameters.limit is not declared: the spec declares no parameters");
      assertThat(e.hint()).isEqualTo("declare it under parameters:, e.g. limit: {type: string}");
    }

    @Test
    void checksALiteralIndexLikeAMember() {
      ExpressionException e = Expr.error("{{parameters['perpage']}}", declared);
      assertThat(e.getMessage()).startsWith("parameters.perpage is not declared;");
      assertThat(e.offset()).isEqualTo(13);
    }

    @Test
    void acceptsDeclaredNamesAndLeavesOtherVariablesOpen() throws ExpressionException {
      Expr.COMPILER.compile(
          "{{parameters.per_page}} {{connection.token}} {{body.anything}}"
              + " {{parameters[temp.name]}}",
          declared);
      Expr.COMPILER.compile("{{parameters.anything}}", Expr.ALL);
    }

    @Test
    void explainsADashedParameterNameWithoutBackticks() {
      ExpressionException e =
          Expr.error(
              "{{parameters.per-page}}", Expr.ALL.declaring("parameters", Set.of("per-page")));
      assertThat(e.getMessage())
          .isEqualTo(
              "parameters.per is not declared: without backticks,"
                  + " parameters.per-page reads as parameters.per - page");
      assertThat(e.hint())
          .isEqualTo("a name with dashes needs backticks: write parameters.`per-page`");
    }
  }

  @Nested
  class DashedNames {
    @Test
    void tellsToQuoteAHeaderNameWithDashesInBackticks() {
      ExpressionException e = Expr.error("{{headers.x-next-page}}", Expr.ALL);
      assertThat(e.getMessage())
          .isEqualTo(
              "'next' is not a variable here: without backticks,"
                  + " headers.x-next-page reads as headers.x - next - page");
      assertThat(e.hint())
          .isEqualTo("a name with dashes needs backticks: write headers.`x-next-page`");
      assertThat(e.offset()).isEqualTo(12);
    }

    @Test
    void explainsTheDashEvenWhenAPartIsAVariableOfAnotherPlace() {
      Scope response = new Scope("audit.total", Set.of("body", "headers"));
      ExpressionException e = Expr.error("{{headers.x-item-count}}", response);
      assertThat(e.getMessage())
          .isEqualTo(
              "'item' is not a variable here: without backticks,"
                  + " headers.x-item-count reads as headers.x - item - count");
      assertThat(e.hint())
          .isEqualTo("a name with dashes needs backticks: write headers.`x-item-count`");
    }

    @Test
    void keepsTheWholePathBeforeTheDashedName() {
      assertThat(Expr.error("{{body.meta.next-cursor}}", Expr.ALL).hint())
          .isEqualTo("a name with dashes needs backticks: write body.meta.`next-cursor`");
    }

    @Test
    void acceptsTheBacktickedName() {
      assertThat(Expr.eval("headers.`x-next-page`", Map.of("headers", Map.of("x-next-page", "3"))))
          .isEqualTo("3");
    }

    @Test
    void aSubtractionWithSpacesGetsNoDashHint() {
      ExpressionException e = Expr.error("{{body.total - nxt}}", Expr.ALL);
      assertThat(e.getMessage()).isEqualTo("unknown variable 'nxt'");
    }
  }

  @Nested
  class Functions {
    @Test
    void rejectsUnknownFunctionWithHint() {
      ExpressionException e = Expr.error("lenght(body)");
      assertThat(e.getMessage()).isEqualTo("unknown function 'lenght'");
      assertThat(e.hint()).isEqualTo("did you mean 'length'?");
      assertThat(e.offset()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        textBlock =
            """
        toNumber(body.n)     | parseNumber
        toInt(body.n)        | parseNumber
        parseInt(body.n)     | parseNumber
        int(body.n)          | parseNumber
        str(body.n)          | toString
        lowercase(body.s)    | lower
        toLowerCase(body.s)  | lower
        uppercase(body.s)    | upper
        len(body.s)          | length
        size(body.s)         | length
        count(body.s)        | length
        substr(body.s, 1)    | substring
        coalesce(body.s, 1)  | ifempty
        toJSON(body)         | createJSON
        Length(body)         | length
        """)
    void suggestsOurNameForAFunctionOtherToolsCallDifferently(String expression, String builtin) {
      ExpressionException e = Expr.error(expression);
      assertThat(e.getMessage()).startsWith("unknown function '");
      assertThat(e.hint()).isEqualTo("did you mean '" + builtin + "'?");
    }

    @Test
    void saysThatNowIsAVariable() {
      assertThat(Expr.error("now()").hint())
          .isEqualTo("'now' is a variable, not a function: write now without ()");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiterString = " | ",
        quoteCharacter = '^',
        textBlock =
            """
        lower()               | function 'lower' takes 1 argument, got 0
        substring('a')        | function 'substring' takes 2 to 3 arguments, got 1
        omit(body)            | function 'omit' takes at least 2 arguments, got 1
        if(1, 2)              | function 'if' takes 3 arguments, got 2
        """)
    void rejectsWrongArity(String expression, String message) {
      assertThat(Expr.error(expression).getMessage()).isEqualTo(message);
    }

    @Test
    void requiresALiteralJsonPath() {
      ExpressionException e = Expr.error("jsonpath(body, body.path)");
      assertThat(e.getMessage()).isEqualTo("the path of jsonpath must be a string literal");
      assertThat(e.offset()).isEqualTo(17);
    }

    @Test
    void rejectsAnInvalidJsonPathAtLoadTime() {
      assertThat(Expr.error("jsonpath(body, '$..[')").getMessage())
          .startsWith("invalid JSONPath '$..['");
    }

    @Test
    void rejectsAnInvalidLiteralPathAtLoadTime() {
      ExpressionException e = Expr.error("get(body, 'a..b')");
      assertThat(e.getMessage()).isEqualTo("invalid path 'a..b'");
      assertThat(e.offset()).isEqualTo(12);
    }
  }

  @Nested
  class Location {
    @Test
    void pointsIntoNestedValues() {
      Map<String, Object> value = Map.of("qs", Map.of("a/b~c", List.of("ok", "x {{ 1 + }}")));
      ExpressionException e = Expr.error(value, Expr.ALL);
      assertThat(e.relativePointer()).isEqualTo("/qs/a~1b~0c/1");
      assertThat(e.offset()).isEqualTo(9);
      assertThat(e.getMessage()).isEqualTo("unexpected end of expression");
    }

    @Test
    void explainsAnUnquotedExpressionReadAsAYamlMap() {
      Object yaml = new org.yaml.snakeyaml.Yaml().load("url: {{links.next}}");
      ExpressionException e = Expr.error(yaml, Expr.ALL);
      assertThat(e.getMessage())
          .isEqualTo("a value starting with '{' must be quoted: write \"{{links.next}}\"");
      assertThat(e.relativePointer()).isEqualTo("/url");
      assertThat(e.hint()).isEqualTo("put the expression in quotes");
    }

    @Test
    void offsetsCountFromTheStartOfTheString() {
      ExpressionException e = Expr.error("/v1/{{parameters.id}}/{{bdy}}", Expr.ALL);
      assertThat(e.offset()).isEqualTo(24);
    }
  }
}
