package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Expressions run without MVEL; every expression test also compares the two (see {@link Expr#eval}). */
class DirectProgramTest {
  private static CompiledExpression compiled(String expression) throws ExpressionException {
    return ((ExpressionTemplate) Expr.compile("{{" + expression + "}}")).expression();
  }

  @Test
  void everyNonPathExpressionRunsDirectly() throws Exception {
    for (String e : new String[] {"pagination.offset < body.total", "item.a > 1 && item.b != 'x' ? 'y' : 'z'",
        "!item.a", "-item.a", "body.data[item.i].id", "lower(item.name) + '-' + upper(item.name)", "item.a * 2 + 1"}) {
      assertThat(compiled(e).direct()).as(e + " -> " + compiled(e).mvelSource()).isTrue();
    }
    assertThat(compiled("body.data").direct()).as("a path has its accessor").isFalse();
  }

  @Test
  void aVariableIsLookedUpOncePerEvaluationAsMvelsSlotsDo() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    Bindings fresh = name -> name.equals("uuid") ? "u" + lookups.incrementAndGet() : null;
    assertThat(compiled("uuid == uuid").evaluate(fresh)).isEqualTo(true);
    assertThat(lookups).hasValue(1);
    assertThat(compiled("uuid + ''").evaluate(fresh)).isEqualTo("u2");
  }

  @Test
  void onlyTheChosenBranchIsEvaluated() throws Exception {
    Map<String, Object> vars = Map.of("item", Map.of("a", 0L));
    assertThat(Expr.eval("item.a == 0 ? 'zero' : 1 / item.a", vars)).isEqualTo("zero");
    assertThat(Expr.eval("item.a != 0 && 1 / item.a > 0", vars)).isEqualTo(false);
  }

  @Test
  void sourceNotOfTheGeneratedShapeIsLeftToMvel() {
    Object[] constants = {Boolean.TRUE};
    assertThat(DirectProgram.compile("k0", constants, new String[0])).isNotNull();
    assertThat(DirectProgram.compile("pw_call2(k0", constants, new String[0])).isNull();
    assertThat(DirectProgram.compile("k0)", constants, new String[0])).isNull();
    assertThat(DirectProgram.compile("k7", constants, new String[0])).isNull();
    assertThat(DirectProgram.compile("v0", constants, new String[0])).isNull();
    assertThat(DirectProgram.compile("java.lang.System.exit(0)", constants, new String[0])).isNull();
  }

  @Test
  void aConstantThatIsNotAFunctionFailsAsMvelsHelperDoes() {
    DirectProgram p = DirectProgram.compile("pw_call1(k0,k0)", new Object[] {"not a function"}, new String[0]);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.evaluate(name -> null))
        .isInstanceOf(EvalFailure.class).hasMessageContaining("not a compiled function");
  }
}
