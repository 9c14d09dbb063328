package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hostile specs that pass validation must not exhaust the runner: every built-in takes time linear
 * in its input (or bounded), every value an expression builds is bounded, and failures read as
 * plain words. Each case ends well within {@link #QUICK}; before the limits it ran out of memory or
 * ran for minutes.
 */
class BoundedBuiltinsTest {
  static final Duration QUICK = Duration.ofSeconds(10);

  static Object eval(String expression, Object body) {
    return assertTimeoutPreemptively(QUICK, () -> Expr.eval(expression, Map.of("body", body)));
  }

  static void fails(String expression, Object body, String message) {
    assertTimeoutPreemptively(
        QUICK,
        () ->
            assertThatThrownBy(() -> Expr.eval(expression, Map.of("body", body)))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("expression {{" + expression + "}}: " + message));
  }

  @Nested
  class ValuesAreBounded {
    @Test
    void replaceNestedFourDeepIsRefusedBeforeTheTextIsBuilt() {
      String e = "body.s";
      for (int i = 0; i < 4; i++) {
        e = "replace(" + e + ",''," + e + ")";
      }
      fails(
          e,
          Map.of("s", "abcdefgh"),
          "result too large: replace would build 43046720 characters (at most 16777216)");
    }

    @Test
    void replaceOfLiteralTextStillWorks() {
      assertThat(eval("replace(body.s, 'b', 'xyz')", Map.of("s", "abcb"))).isEqualTo("axyzcxyz");
      assertThat(eval("replace(body.s, '', '-')", Map.of("s", "ab"))).isEqualTo("-a-b-");
    }

    @Test
    void replaceOfLiteralTextCountsTheWholeResultBeforeBuildingIt() {
      fails(
          "replace(body.s, 'a', body.r)",
          Map.of("s", "a".repeat(1000), "r", "x".repeat(20_000)),
          "result too large: replace would build 20000000 characters (at most 16777216)");
    }

    @Test
    void concatenationIsRefusedPastTheLimit() {
      fails(
          "body.s + body.s",
          Map.of("s", "x".repeat(9_000_000)),
          "result too large: the + operator would build 18000000 characters (at most 16777216)");
    }

    @Test
    void joinIsRefusedPastTheLimit() {
      fails(
          "join(body.l, body.s)",
          Map.of("l", List.of("a", "b", "c"), "s", "x".repeat(9_000_000)),
          "result too large: join would build 18000003 characters (at most 16777216)");
    }

    @Test
    void splitIsRefusedPastTheElementLimit() {
      fails(
          "split(body.s, '')",
          Map.of("s", "x".repeat(2_000_000)),
          "result too large: split would build 2000000 elements (at most 1048576)");
    }

    @Test
    void jsonTextIsRefusedPastTheLimit() {
      String s = "x".repeat(9_000_000);
      fails(
          "createJSON(body.l)",
          Map.of("l", List.of(s, s)),
          "result too large: the JSON text would have more than 16777216 characters");
    }

    @Test
    void anInterpolatedTextIsRefusedPastTheLimit() throws ExpressionException {
      Template t = Expr.compile("{{body.s}}-{{body.s}}");
      Map<String, Object> vars = Map.of("body", Map.of("s", "x".repeat(9_000_000)));
      assertThatThrownBy(() -> t.evaluate(vars::get))
          .isInstanceOf(EvaluationException.class)
          .hasMessage(
              "result too large: the interpolated text would have more than 16777216 characters");
    }

    @Test
    void aNumberWithAHugeExponentIsNotWrittenOut() {
      fails(
          "toString(parseJSON('1e999999999'))",
          Map.of(),
          "result too large: toString would build 1000000000 characters (at most 16777216)");
      fails(
          "formatNumber(parseJSON('1e999999999'), 2)",
          Map.of(),
          "result too large: formatNumber would build 1000000002 characters (at most 16777216)");
      fails(
          "round(parseJSON('1.5e999999999'))",
          Map.of(),
          "result too large: round would build a number of 1000000000 digits (at most 10000)");
    }

    @Test
    void aNumberWithAHugeExponentIsNeitherHashedNorWrittenAsJson() {
      fails(
          "hash(parseJSON('1e999999999'))",
          Map.of(),
          "result too large: hash would build 1000000000 characters (at most 16777216)");
      fails(
          "createJSON(parseJSON('[1e999999999]'))",
          Map.of(),
          "cannot write JSON: a number is too large to write out in full");
    }

    @Test
    void aDateFormatIsAtMostAThousandCharacters() {
      fails(
          "formatDate(0, body.f)",
          Map.of("f", "Y".repeat(2_000_000)),
          "a date format may have at most 1000 characters, not 2000000");
    }
  }

  @Nested
  class BuiltinsAreLinear {
    @Test
    void stripHtmlOfManyOpeningBracketsIsLinear() {
      String s = "<".repeat(400_000);
      assertThat(eval("length(stripHTML(body.s))", Map.of("s", s))).isEqualTo(400_000L);
      assertThat(eval("stripHTML(body.s)", Map.of("s", "a<b>c</b>d<e"))).isEqualTo("acd<e");
    }

    @Test
    void parseDateWithALongFormatFailsAtOnce() {
      String format = "X".repeat(30);
      String input = "1".repeat(40) + "a";
      fails(
          "parseDate(body.s, body.f)",
          Map.of("s", input, "f", format),
          "cannot parse '" + input + "' with format '" + format + "'");
    }

    @Test
    void aDateFormatIsCompiledOncePerFormat() {
      assertThat(MomentFormat.of("YYYY-MM-DD")).isSameAs(MomentFormat.of("YYYY-MM-DD"));
      assertThat(eval("parseDate('4/7/2024', 'D/M/YYYY')", Map.of()))
          .isEqualTo("2024-07-04T00:00:00.000Z");
    }

    @Test
    void jsonpathDeepScansOverADeepValueStopAfterABoundedNumberOfSteps() {
      String deep = "[".repeat(60) + "]".repeat(60);
      fails(
          "jsonpath(parseJSON(body.s), '$..*..*..*..*..*..*')",
          Map.of("s", deep),
          "jsonpath '$..*..*..*..*..*..*' needs more than 1000000 steps on this value"
              + " (each deep scan '..' multiplies the work)");
    }

    @Test
    void distinctOfManyDifferentValuesIsLinear() {
      List<Long> items = LongStream.range(0, 100_000).boxed().toList();
      assertThat(eval("length(distinct(body.l))", Map.of("l", items))).isEqualTo(100_000L);
      assertThat(
              Expr.json(
                  eval(
                      "distinct(body.l)",
                      Map.of("l", List.of(1L, 1.0, "1", List.of(2L), List.of(2.00))))))
          .isEqualTo("[1,\"1\",[2]]");
    }

    @Test
    void removeComparesByTheLanguagesEquality() {
      List<Long> items = LongStream.range(0, 100_000).boxed().toList();
      assertThat(eval("length(remove(body.l, 1, 2.0, '3'))", Map.of("l", items)))
          .isEqualTo(99_998L);
    }

    @Test
    void searchingForALongNeedleIsLinear() {
      Map<String, Object> body = Map.of("s", "a".repeat(400_000), "f", "a".repeat(200_000) + "b");
      assertThat(eval("indexOf(body.s, body.f)", body)).isEqualTo(-1L);
      assertThat(eval("contains(body.s, body.f)", body)).isEqualTo(false);
      assertThat(eval("length(split(body.s, body.f))", body)).isEqualTo(1L);
      assertThat(eval("length(replace(body.s, body.f, ''))", body)).isEqualTo(400_000L);
      String found = "x".repeat(40) + "abcabcabcabcabcabcabcabcabcabcabcabcd" + "y";
      assertThat(eval("indexOf(body.s, 'abcabcabcabcabcabcabcabcabcabcabcd')", Map.of("s", found)))
          .isEqualTo(43L);
    }

    @Test
    void parseNumberRefusesMillionsOfDigits() {
      fails(
          "parseNumber(body.s)",
          Map.of("s", "1".repeat(2_000_000)),
          "cannot parse '" + "1".repeat(57) + "...' as a number: more than 1000 digits");
    }
  }

  @Nested
  class HugeNumbersMeanPastTheEnd {
    @Test
    void substringWithAHugePositionIsEmpty() {
      assertThat(eval("substring('abc', 18446744073709551617)", Map.of())).isEqualTo("");
      assertThat(eval("substring('abc', 0, 18446744073709551617)", Map.of())).isEqualTo("abc");
    }

    @Test
    void anIndexBeyondLongIsNoElement() {
      assertThat(eval("split('ab', '')[18446744073709551617]", Map.of())).isNull();
      assertThat(Expr.json(eval("slice(split('abc', ''), 18446744073709551617)", Map.of())))
          .isEqualTo("[]");
    }

    @Test
    void formatNumberWithAHugePrecisionUsesTwentyPlaces() {
      assertThat(eval("formatNumber(1.5, 18446744073709551617)", Map.of()))
          .isEqualTo("1,50000000000000000000");
    }
  }

  @Nested
  class FailuresReadAsPlainWords {
    @Test
    void addYearsPastTheLastYear() {
      fails(
          "addYears('2024-01-01', 1000000000000)",
          Map.of(),
          "addYears: adding 1000000000000 years gives a date outside the years -999999999 to 999999999");
    }

    @Test
    void addDaysOfTheLargestLong() {
      fails(
          "addDays('2024-01-01', 9223372036854775807)",
          Map.of(),
          "addDays: adding 9223372036854775807 days gives a date outside the years -999999999 to 999999999");
      fails(
          "addDays('2024-01-01', 99999999999999999999)",
          Map.of(),
          "addDays: adding 99999999999999999999 days gives a date outside the years -999999999 to 999999999");
    }

    @Test
    void parseDateOfAnEpochBeyondLong() {
      fails(
          "parseDate('99999999999999999999', 'X')",
          Map.of(),
          "cannot parse '99999999999999999999' with format 'X'");
    }

    @Test
    void parseJsonReadsIntegersBeyondLong() {
      assertThat(eval("parseJSON('[123456789012345678901234567890, 7]')", Map.of()))
          .isEqualTo(List.of(new BigInteger("123456789012345678901234567890"), 7L));
    }

    @Test
    void parseJsonSaysWhereTheTextIsBroken() {
      fails(
          "parseJSON('[1')",
          Map.of(),
          "cannot parse JSON at line 1, column 3: Unexpected end-of-input: expected close marker for Array");
    }

    @Test
    void aJsonpathFunctionThatFailsOnTheValue() {
      fails(
          "jsonpath(body.l, '$.append(99999999999999999999).sum()')",
          Map.of("l", List.of(1L)),
          "jsonpath '$.append(99999999999999999999).sum()' cannot be applied to this value");
    }

    @Test
    void arithmeticOutOfRange() {
      fails(
          "parseJSON('1e999999999') + 1",
          Map.of(),
          "cannot add these numbers: the result is out of range");
    }
  }
}
