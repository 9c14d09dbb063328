package dev.pagewalk.expr;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The closed set of names generated MVEL source may call: each is a static method of {@link
 * RuntimeCalls}, resolved by {@link SlotFactory} (so the compiled tree calls the method itself and
 * MVEL needs no imports). The operators and path steps have names of their own ({@code pw_member},
 * {@code pw_gt}); any other built-in is called through {@code pw_call0}..{@code pw_call4} with its
 * function object from the constant table. Immutable.
 */
final class Helpers {
  private static final Map<String, SlotFactory.Slot> BY_NAME = new HashMap<>();
  private static final Map<Object, String> BY_FUNCTION = new IdentityHashMap<>();

  static {
    for (int arity = 0; arity <= 4; arity++) {
      add("pw_call" + arity, "call" + arity, arity + 1, null);
      add(
          "pw_list" + arity,
          "list" + arity,
          arity,
          new Object[] {Ops.LIST0, Ops.LIST1, Ops.LIST2, Ops.LIST3, Ops.LIST4}[arity]);
    }
    add("pw_truthy", "truthy", 1, null);
    add("pw_neg", "neg", 1, Ops.NEG);
    add("pw_not", "not", 1, Ops.NOT);
    Object[][] binary = {
      {"add", Ops.ADD},
      {"sub", Ops.SUB},
      {"mul", Ops.MUL},
      {"div", Ops.DIV},
      {"mod", Ops.MOD},
      {"eq", Ops.EQ},
      {"ne", Ops.NE},
      {"lt", Ops.LT},
      {"le", Ops.LE},
      {"gt", Ops.GT},
      {"ge", Ops.GE},
      {"member", Ops.MEMBER},
      {"index", Ops.INDEX},
      {"concat", Ops.CONCAT}
    };
    for (Object[] b : binary) {
      add("pw_" + b[0], (String) b[0], 2, b[1]);
    }
  }

  private Helpers() {}

  private static void add(String name, String method, int arity, Object function) {
    Class<?>[] parameters = new Class<?>[arity];
    Arrays.fill(parameters, Object.class);
    try {
      Method m = RuntimeCalls.class.getMethod(method, parameters);
      BY_NAME.put(name, new SlotFactory.Slot(name, m));
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
    if (function != null) {
      BY_FUNCTION.put(function, name);
    }
  }

  /** Every helper name. */
  static Set<String> names() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }

  /** The helper that calls {@code function} directly, or null when it goes through pw_callN. */
  static String nameOf(Object function) {
    return BY_FUNCTION.get(function);
  }

  /** The resolver whose value is the helper's method, or null when {@code name} is none. */
  static SlotFactory.Slot resolver(String name) {
    return BY_NAME.get(name);
  }
}
