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

  String truthy(String operand) {
    return "pw_truthy(" + operand + ")";
  }

  String invoke(Object fn, String... args) {
    return invoke(fn, List.of(args));
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
      return invoke(Ops.CONCAT, list(items.subList(0, 4)), list(items.subList(4, items.size())));
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
