package dev.pagewalk.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every name in the table of built-ins has a function object, linked when first asked for. */
class FunctionTableTest {
  @Test
  void everyBuiltinButIfHasAFunctionObject() {
    List<String> without = new ArrayList<>();
    int names = 0;
    for (String name : Functions.names()) {
      names++;
      if (Functions.implementation(name) == null) {
        without.add(name);
      }
    }
    assertThat(names).isEqualTo(66);
    assertThat(without).containsExactly("if");
  }

  @Test
  void anUnknownNameHasNone() {
    assertThatThrownBy(() -> Functions.implementation("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no built-in function nope");
  }
}
