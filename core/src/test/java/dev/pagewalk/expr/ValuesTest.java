package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesTest {

  @Nested
  class Truthiness {
    static Stream<Arguments> falsy() {
      return Stream.of(
              null,
              false,
              0L,
              0,
              0.0,
              new BigDecimal("0.00"),
              BigInteger.ZERO,
              "",
              List.of(),
              Map.of())
          .map(v -> Arguments.of(v));
    }

    static Stream<Arguments> truthy() {
      return Stream.of(
              true,
              1L,
              -1,
              0.5,
              new BigDecimal("0.01"),
              " ",
              "false",
              "0",
              List.of(0L),
              Map.of("a", 0L))
          .map(v -> Arguments.of(v));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("falsy")
    void treatsEmptyAndZeroAsFalse(Object value) {
      assertThat(Values.truthy(value)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("truthy")
    void treatsEverythingElseAsTrue(Object value) {
      assertThat(Values.truthy(value)).isTrue();
    }
  }

  @Nested
  class Text {
    @Test
    void rendersPlainForms() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("a", new BigDecimal("1E+3"));
      map.put("b", Arrays.asList(1L, null, "x"));
      assertThat(Values.toText(null)).isEmpty();
      assertThat(Values.toText(new BigDecimal("1.0"))).isEqualTo("1.0");
      assertThat(Values.toText(new BigDecimal("1E+3"))).isEqualTo("1000");
      assertThat(Values.toText(1e20)).isEqualTo("100000000000000000000");
      assertThat(Values.toText(42)).isEqualTo("42");
      assertThat(Values.toText(true)).isEqualTo("true");
      assertThat(Values.toText(map)).isEqualTo("{\"a\":1000,\"b\":[1,null,\"x\"]}");
    }
  }

  @Nested
  class Equality {
    @Test
    void comparesNumbersByValueAcrossTypes() {
      assertThat(Values.equal(1, 1L)).isTrue();
      assertThat(Values.equal(1.0, new BigDecimal("1.000"))).isTrue();
      assertThat(Values.equal(BigInteger.TWO, 2L)).isTrue();
      assertThat(Values.equal("1", 1L)).isFalse();
      assertThat(Values.equal(List.of(1L, Map.of("a", 1.0)), List.of(1, Map.of("a", 1L)))).isTrue();
      assertThat(Values.equal(Map.of("a", 1L), Map.of("b", 1L))).isFalse();
    }

    @Test
    void rejectsNonFiniteNumbers() {
      assertThatThrownBy(() -> Expr.eval("body.x + 1", Map.of("body", Map.of("x", Double.NaN))))
          .isInstanceOf(EvaluationException.class)
          .hasMessage("expression {{body.x + 1}}: not a finite number: NaN");
    }
  }

  @Nested
  class CallersNumbers {
    @Test
    void acceptsIntegersAndDoublesFromCallers() {
      Map<String, Object> vars = Map.of("body", Map.of("i", 2, "d", 0.5));
      assertThat(Expr.eval("body.i * body.d", vars)).isEqualTo(new BigDecimal("1.0"));
      assertThat(Expr.eval("body.i + 1", vars)).isEqualTo(3L);
      assertThat(Expr.eval("[1, 2, 3][body.i]".replace("[1, 2, 3]", "split('a,b,c', ',')"), vars))
          .isEqualTo("b");
    }
  }

  @Test
  void keepsErrorsStableAfterManyEvaluations() throws ExpressionException {
    Template t = Expr.compile("{{parseNumber(body.x) + 1}}");
    for (int i = 0; i < 500; i++) {
      Map<String, Object> vars =
          Map.of("body", Map.of("x", i % 2 == 0 ? String.valueOf(i) : "bad"));
      if (i % 2 == 0) {
        assertThat(t.evaluate(vars::get)).isEqualTo(i + 1L);
      } else {
        assertThatThrownBy(() -> t.evaluate(vars::get))
            .isInstanceOf(EvaluationException.class)
            .hasMessage("expression {{parseNumber(body.x) + 1}}: cannot parse 'bad' as a number");
      }
    }
  }
}
