package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the MVEL source of one validated expression. The source consists only of calls of
 * {@link RuntimeCalls} helpers, generated identifiers {@code v<n>} (variables) and {@code k<n>}
 * (constant table: literals and function objects), commas, parentheses and the conditional
 * operator; see {@link GeneratedSource}.
 */
final class Translation {
  private final List<Object> constants = new ArrayList<>();
  private final Map<Object, Integer> constantIndex = new HashMap<>();
  private final List<String> variables = new ArrayList<>();

  String constant(Object value) {
    Integer index = constantIndex.get(value);
    if (index == null) {
      index = constants.size();
      constants.add(value);
      constantIndex.put(value, index);
    }
    return "k" + index;
  }

  String variable(String name) {
    int index = variables.indexOf(name);
    if (index < 0) {
      index = variables.size();
      variables.add(name);
    }
    return "v" + index;
  }

  String call(String helper, String... args) {
    switch (helper) {
      case "pw_truthy": return "pw_truthy(" + args[0] + ")";
      case "pw_member": return invoke(Ops.MEMBER, List.of(args));
      case "pw_index": return invoke(Ops.INDEX, List.of(args));
      case "pw_neg": return invoke(Ops.NEG, List.of(args));
      case "pw_not": return invoke(Ops.NOT, List.of(args));
      default: return invoke(operator(helper), List.of(args));
    }
  }

  private static Object operator(String helper) {
    switch (helper) {
      case "pw_add": return Ops.ADD;
      case "pw_sub": return Ops.SUB;
      case "pw_mul": return Ops.MUL;
      case "pw_div": return Ops.DIV;
      case "pw_mod": return Ops.MOD;
      case "pw_eq": return Ops.EQ;
      case "pw_ne": return Ops.NE;
      case "pw_lt": return Ops.LT;
      case "pw_le": return Ops.LE;
      case "pw_gt": return Ops.GT;
      case "pw_ge": return Ops.GE;
      default: throw new IllegalArgumentException("no helper " + helper);
    }
  }

  String invoke(Object fn, List<String> args) {
    StringBuilder out = new StringBuilder("pw_call").append(args.size()).append('(').append(constant(fn));
    for (String arg : args) {
      out.append(',').append(arg);
    }
    return out.append(')').toString();
  }

  String choice(String condition, String then, String otherwise) {
    return "(" + condition + "?" + then + ":" + otherwise + ")";
  }

  String list(List<String> items) {
    if (items.size() > 4) {
      return invoke(Ops.CONCAT, List.of(list(items.subList(0, 4)), list(items.subList(4, items.size()))));
    }
    Object[] builders = {Ops.LIST0, Ops.LIST1, Ops.LIST2, Ops.LIST3, Ops.LIST4};
    return invoke(builders[items.size()], items);
  }

  Object[] constants() {
    return constants.toArray();
  }

  String[] variables() {
    return variables.toArray(String[]::new);
  }
}
