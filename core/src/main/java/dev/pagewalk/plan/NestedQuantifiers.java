package dev.pagewalk.plan;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the shape of regular expression that can take exponential time in Java's backtracking
 * engine: a group repeated by a quantifier that contains a variable repetition itself, such as
 * {@code (a+)+} or {@code (.*a){12}}. A possessive inner quantifier ({@code a++}) or an atomic
 * group ({@code (?>...)}) cannot backtrack and is accepted. A heuristic: input checking is also
 * bounded at run time, so a pattern that passes here still cannot hang a run.
 */
final class NestedQuantifiers {
  private NestedQuantifiers() {}

  /** The first nested repetition in {@code regex}, as written, or null when there is none. */
  static String find(String regex) {
    Deque<Group> open = new ArrayDeque<>();
    open.push(new Group(0, false));
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i = skipEscape(regex, i);
        i = quantifier(regex, i, open.peek(), null);
      } else if (c == '[') {
        i = quantifier(regex, skipClass(regex, i), open.peek(), null);
      } else if (c == '(') {
        open.push(new Group(i, regex.startsWith("(?>", i)));
        i++;
      } else if (c == ')' && open.size() > 1) {
        Group group = open.pop();
        int end = quantifier(regex, i + 1, open.peek(), group);
        if (group.nested) {
          return regex.substring(group.start, end);
        }
        i = end;
      } else {
        i = quantifier(regex, i + 1, open.peek(), null);
      }
    }
    return null;
  }

  /** An open group: where it starts, whether it is atomic, what it holds. */
  private static final class Group {
    final int start;
    final boolean atomic;
    boolean varies;
    boolean nested;

    Group(int start, boolean atomic) {
      this.start = start;
      this.atomic = atomic;
    }
  }

  /**
   * Reads the quantifier at {@code i} (if any) that applies to the atom just read, which is {@code
   * group} when that atom was a group; notes in {@code parent} whether the atom varies in length;
   * returns the index after the quantifier.
   */
  private static int quantifier(String regex, int i, Group parent, Group group) {
    int min = 1;
    int max = 1;
    int end = i;
    if (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '*' || c == '+' || c == '?') {
        min = c == '+' ? 1 : 0;
        max = c == '?' ? 1 : Integer.MAX_VALUE;
        end = i + 1;
      } else if (c == '{') {
        int close = regex.indexOf('}', i);
        int[] bounds = close < 0 ? null : bounds(regex.substring(i + 1, close));
        if (bounds != null) {
          min = bounds[0];
          max = bounds[1];
          end = close + 1;
        }
      }
    }
    boolean possessive = end > i && end < regex.length() && regex.charAt(end) == '+';
    boolean lazy = end > i && end < regex.length() && regex.charAt(end) == '?';
    int after = possessive || lazy ? end + 1 : end;
    boolean inner = group != null && group.varies && !group.atomic;
    if (inner && max > 1 && !possessive) {
      group.nested = true;
    }
    if ((min != max && !possessive) || inner) {
      parent.varies = true;
    }
    return after;
  }

  private static int[] bounds(String inside) {
    try {
      int comma = inside.indexOf(',');
      if (comma < 0) {
        int n = Integer.parseInt(inside.trim());
        return new int[] {n, n};
      }
      int min = Integer.parseInt(inside.substring(0, comma).trim());
      String rest = inside.substring(comma + 1).trim();
      return new int[] {min, rest.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(rest)};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int skipEscape(String regex, int i) {
    if (regex.startsWith("\\Q", i)) {
      int end = regex.indexOf("\\E", i + 2);
      return end < 0 ? regex.length() : end + 2;
    }
    return Math.min(regex.length(), i + 2);
  }

  private static int skipClass(String regex, int i) {
    int depth = 0;
    int j = i;
    while (j < regex.length()) {
      char c = regex.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '[') {
        depth++;
        if (j + 1 < regex.length() && regex.charAt(j + 1) == ']' && depth == 1) {
          j++;
        }
      } else if (c == ']' && --depth == 0) {
        return j + 1;
      }
      j++;
    }
    return regex.length();
  }
}
