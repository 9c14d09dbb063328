package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A path string as used by {@code get}, {@code map}, {@code distinct} and {@code sort}: {@code
 * a.b[1].c}, 1-based indexes, negative from the end; null-safe like expression paths.
 */
record PathExpr(String text, List<Object> steps) {
  PathExpr {
    steps = List.copyOf(steps);
  }

  static PathExpr compile(String text, int offset) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    boolean needName = true;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '[' && !(needName && i > 0)) {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw invalid(text, offset);
        }
        try {
          steps.add(Long.parseLong(text.substring(i + 1, close).strip()));
        } catch (NumberFormatException e) {
          throw invalid(text, offset);
        }
        i = close + 1;
        needName = false;
      } else if (c == '.' && !needName && i + 1 < text.length()) {
        i++;
        needName = true;
      } else if (c != '.' && c != '[' && c != ']') {
        int end = i;
        while (end < text.length() && ".[]".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        steps.add(text.substring(i, end));
        i = end;
        needName = false;
      } else {
        throw invalid(text, offset);
      }
    }
    return new PathExpr(text, steps);
  }

  private static SyntaxError invalid(String text, int offset) {
    return new SyntaxError("invalid path '" + text + "'", offset);
  }

  static PathExpr of(Object path) {
    if (path instanceof PathExpr p) {
      return p;
    }
    if (path instanceof String s) {
      try {
        return compile(s, 0);
      } catch (SyntaxError e) {
        throw new EvalFailure(e.getMessage());
      }
    }
    throw new EvalFailure("a path must be a string, not " + Values.typeName(path));
  }

  Object apply(Object value) {
    Object current = value;
    for (Object step : steps) {
      current = step instanceof String key ? Ops.member(current, key) : Ops.index(current, step);
      if (current == null) {
        return null;
      }
    }
    return current;
  }
}
