package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the MVEL source of one validated expression. The source consists only of calls of {@link
 * Helpers} (static methods of {@link RuntimeCalls}), generated identifiers {@code v<n>} (variables)
 * and {@code k<n>} (constant table: literals and function objects), commas, parentheses, {@code
 * &&}, {@code ||} and the conditional operator; see {@link GeneratedSource}.
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

  /** A call of {@code fn}: of its own helper when it has one, else through {@code pw_callN}. */
  String invoke(Object fn, List<String> args) {
    String helper = Helpers.nameOf(fn);
    StringBuilder out = new StringBuilder();
    if (helper != null) {
      out.append(helper).append('(').append(String.join(",", args));
    } else {
      out.append("pw_call").append(args.size()).append('(').append(constant(fn));
      for (String arg : args) {
        out.append(',').append(arg);
      }
    }
    return out.append(')').toString();
  }

  /**
   * {@code left && right} or {@code left || right} on truthiness, short-circuit, a boolean: MVEL's
   * own operators on Boolean operands, which it evaluates without its interpreter loop.
   */
  String logical(boolean and, String left, String right) {
    return "(" + truthy(left) + (and ? "&&" : "||") + truthy(right) + ")";
  }

  /** {@code source} without the parentheses that enclose all of it, if any. */
  static String unwrapped(String source) {
    if (source.length() < 2
        || source.charAt(0) != '('
        || source.charAt(source.length() - 1) != ')') {
      return source;
    }
    int depth = 0;
    for (int i = 0; i < source.length() - 1; i++) {
      depth += source.charAt(i) == '(' ? 1 : source.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        return source;
      }
    }
    return source.substring(1, source.length() - 1);
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
