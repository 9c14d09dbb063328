package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The compiled MVEL expression is what runs: every non-path expression is evaluated by MVEL. */
class MvelEvaluationTest {
  private static CompiledExpression compiled(String expression) throws ExpressionException {
    return ((ExpressionTemplate) Expr.compile("{{" + expression + "}}")).expression();
  }

  /** True when evaluating {@code expression} looks a variable up from inside MVEL's runtime. */
  private static boolean runsInsideMvel(String expression) throws ExpressionException {
    boolean[] inside = {false};
    compiled(expression)
        .evaluate(
            name -> {
              inside[0] |=
                  Arrays.stream(new Throwable().getStackTrace())
                      .anyMatch(f -> f.getClassName().startsWith("org.mvel2."));
              return Map.of(
                  "a",
                  1L,
                  "b",
                  "x",
                  "i",
                  1L,
                  "name",
                  "N",
                  "total",
                  9L,
                  "offset",
                  1L,
                  "data",
                  java.util.List.of(Map.of("id", 1L)));
            });
    return inside[0];
  }

  @Test
  void everyNonPathExpressionRunsOnCompiledMvel() throws Exception {
    for (String e :
        new String[] {
          "pagination.offset < body.total",
          "item.a > 1 && item.b != 'x' ? 'y' : 'z'",
          "!item.a",
          "-item.a",
          "body.data[item.i].id",
          "lower(item.name) + '-' + upper(item.name)",
          "item.a * 2 + 1"
        }) {
      assertThat(compiled(e).path()).as(e).isNull();
      assertThat(runsInsideMvel(e)).as(e + " -> " + compiled(e).mvelSource()).isTrue();
    }
  }

  @Test
  void operatorsCallTheirOwnStaticHelpersAndLogicUsesMvelsOperators() throws Exception {
    assertThat(compiled("item.status != 'closed' && item.amount > 100").mvelSource())
        .isEqualTo("pw_truthy(pw_ne(pw_member(v0,k0),k1))&&pw_truthy(pw_gt(pw_member(v0,k2),k3))");
    assertThat(compiled("!item.a || -item.b[1] >= 2").mvelSource())
        .isEqualTo(
            "pw_truthy(pw_not(pw_member(v0,k0)))||pw_truthy(pw_ge(pw_neg(pw_index(pw_member(v0,k1),k2)),k3))");
    assertThat(compiled("item.a ? lower(item.b) : item.c").mvelSource())
        .isEqualTo("pw_truthy(pw_member(v0,k0))?pw_call1(k2,pw_member(v0,k1)):pw_member(v0,k3)");
  }

  @Test
  void aPathKeepsItsLoadTimeAccessor() throws Exception {
    assertThat(compiled("body.data").path()).isNotNull();
    assertThat(runsInsideMvel("body.data")).isFalse();
  }

  @Test
  void aVariableIsLookedUpOncePerEvaluation() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    Bindings fresh = name -> name.equals("uuid") ? "u" + lookups.incrementAndGet() : null;
    assertThat(compiled("uuid == uuid").evaluate(fresh)).isEqualTo(true);
    assertThat(lookups).hasValue(1);
    assertThat(compiled("uuid + ''").evaluate(fresh)).isEqualTo("u2");
    assertThat(compiled("uuid + ''").evaluate(fresh)).isEqualTo("u3");
  }

  @Test
  void onlyTheChosenBranchIsEvaluated() {
    Map<String, Object> vars = Map.of("item", Map.of("a", 0L));
    assertThat(Expr.eval("item.a == 0 ? 'zero' : 1 / item.a", vars)).isEqualTo("zero");
    assertThat(Expr.eval("item.a != 0 && 1 / item.a > 0", vars)).isEqualTo(false);
    assertThat(Expr.eval("item.a == 0 || 1 / item.a > 0", vars)).isEqualTo(true);
  }

  @Test
  void aConstantThatIsNotAFunctionFailsPlainly() {
    MvelGate gate = new MvelGate(source -> {});
    CompiledExpression e =
        new CompiledExpression(
            "x",
            gate.compile("pw_call1(k0,k0)"),
            new Object[] {"not a function"},
            new String[0],
            "pw_call1(k0,k0)");
    assertThatThrownBy(() -> e.evaluate(name -> null))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("expression {{x}}: internal error: not a compiled function");
  }

  @Test
  void sourceNotOfTheGeneratedShapeNeverReachesMvel() {
    java.util.List<String> seen = new java.util.ArrayList<>();
    MvelGate gate = new MvelGate(seen::add);
    for (String source :
        new String[] {"java.lang.System.exit(0)", "k0;k1", "new java.io.File('x')", "v0 = 1"}) {
      assertThatThrownBy(() -> gate.compile(source))
          .as(source)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("generated MVEL source has an illegal part at ");
    }
    assertThat(seen).isEmpty();
  }
}
