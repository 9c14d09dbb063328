package dev.pagewalk.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits a spec string into literal text and {@code {{expression}}} parts. */
final class TemplateText {
  record Part(boolean expression, String text, int start) {}

  private TemplateText() {}

  static List<Part> split(String text) {
    List<Part> parts = new ArrayList<>();
    int pos = 0;
    while (true) {
      int open = text.indexOf("{{", pos);
      if (open < 0) {
        if (pos < text.length() && !parts.isEmpty()) {
          parts.add(new Part(false, text.substring(pos), pos));
        }
        return parts;
      }
      if (open > pos) {
        parts.add(new Part(false, text.substring(pos, open), pos));
      }
      int close = close(text, open + 2);
      parts.add(new Part(true, text.substring(open + 2, close), open + 2));
      pos = close + 2;
    }
  }

  private static int close(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote != '`') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '}' && text.startsWith("}}", i)) {
        return i;
      }
    }
    int plain = text.indexOf("}}", from);
    if (plain < 0) {
      throw new SyntaxError("'{{' is not closed by '}}'", from - 2);
    }
    return plain;
  }
}
