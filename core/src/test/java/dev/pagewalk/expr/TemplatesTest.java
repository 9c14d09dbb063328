package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private final Map<String, Object> vars =
      Map.of(
          "parameters",
              Map.of("limit", 100L, "price", new BigDecimal("1.0"), "tags", List.of("a", "b")),
          "body", Map.of("next", "abc"));

  private Object eval(Object value) throws ExpressionException {
    return Expr.compile(value).evaluate(vars::get);
  }

  @Nested
  class Typed {
    @Test
    void singleExpressionKeepsItsType() throws ExpressionException {
      assertThat(eval("{{parameters.limit}}")).isEqualTo(100L);
      assertThat(eval("{{ parameters.tags }}")).isEqualTo(List.of("a", "b"));
      assertThat(eval("{{parameters.missing}}")).isNull();
    }

    @Test
    void textAroundTheExpressionMakesItText() throws ExpressionException {
      assertThat(eval(" {{parameters.limit}}")).isEqualTo(" 100");
    }
  }

  @Nested
  class Interpolation {
    @Test
    void rendersPartsAsText() throws ExpressionException {
      assertThat(
              eval(
                  "limit={{parameters.limit}}&p={{parameters.price}}&t={{parameters.tags}}&n={{parameters.none}}"))
          .isEqualTo("limit=100&p=1.0&t=[\"a\",\"b\"]&n=");
    }

    @Test
    void rendersTwoExpressionsWithoutText() throws ExpressionException {
      assertThat(eval("{{parameters.limit}}{{body.next}}")).isEqualTo("100abc");
    }

    @Test
    void keepsTextWithoutExpressionsAsIs() throws ExpressionException {
      Template t = Expr.compile("plain } text }}");
      assertThat(t.isConstant()).isTrue();
      assertThat(t.evaluate(null)).isEqualTo("plain } text }}");
    }

    @Test
    void findsTheEndOfAnExpressionOutsideQuotes() throws ExpressionException {
      assertThat(eval("<{{'}}' + body.next}}>")).isEqualTo("<}}abc>");
    }
  }

  @Nested
  class Structures {
    @Test
    void omitsMapEntriesThatEvaluateToNull() throws ExpressionException {
      Map<String, Object> qs = new LinkedHashMap<>();
      qs.put("limit", "{{parameters.limit}}");
      qs.put("cursor", "{{body.cursor}}");
      qs.put("fixed", null);
      assertThat(eval(Map.of("qs", qs))).isEqualTo(Map.of("qs", Map.of("limit", 100L)));
    }

    @Test
    void keepsNullListElements() throws ExpressionException {
      assertThat(eval(List.of("{{body.none}}", "{{body.next}}")))
          .isEqualTo(Arrays.asList(null, "abc"));
    }

    @Test
    void compilesConstantsWithoutMvel() throws ExpressionException {
      int before = Expr.MVEL_SOURCES.size();
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("a", List.of(1L, true, "x"));
      value.put("b", null);
      Template t = Expr.compile(value);
      assertThat(t.isConstant()).isTrue();
      assertThat(t.evaluate(null)).isEqualTo(Map.of("a", List.of(1L, true, "x")));
      assertThat(Expr.MVEL_SOURCES.size()).isEqualTo(before);
    }

    @Test
    void isNotConstantWithAnyExpression() throws ExpressionException {
      assertThat(Expr.compile(List.of("a", Map.of("b", "{{1}}"))).isConstant()).isFalse();
    }

    @Test
    void returnsFreshMutableContainers() throws ExpressionException {
      Template t = Expr.compile(Map.of("a", "{{body.next}}"));
      Object first = t.evaluate(vars::get);
      ((Map<String, Object>) first).put("x", 1L);
      assertThat(t.evaluate(vars::get)).isEqualTo(Map.of("a", "abc"));
      assertThat(Expr.compile(List.of("{{1}}")).evaluate(vars::get)).isInstanceOf(ArrayList.class);
    }
  }

  @Nested
  class Errors {
    @Test
    void quotesTheExpressionInRuntimeErrors() throws ExpressionException {
      Template t = Expr.compile("{{ parseNumber(body.next) }}");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.evaluate(vars::get))
          .isInstanceOf(EvaluationException.class)
          .hasMessage("expression {{parseNumber(body.next)}}: cannot parse 'abc' as a number");
    }
  }
}
