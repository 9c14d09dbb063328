package dev.pagewalk.spec;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a character offset in a scalar's value back to a line and column of the source. Exact for
 * single-line scalars (quotes and escapes accounted for); for multi-line and block scalars, each
 * folded or kept line break counts as one character, which is right except around blank lines and
 * trimmed trailing spaces.
 */
final class ScalarColumns {
  private enum Quote {
    NONE,
    SINGLE,
    DOUBLE
  }

  private ScalarColumns() {}

  /** 1-based {line, column} of the value's character at {@code offset}. */
  static int[] locate(SourceText source, ScalarNode scalar, int offset) {
    int line = scalar.getStartMark().getLine() + 1;
    int column = scalar.getStartMark().getColumn() + 1;
    ScalarStyle style = scalar.getScalarStyle();
    switch (style) {
      case SINGLE_QUOTED:
        return walk(source, line, column + 1, Math.max(0, offset), Quote.SINGLE);
      case DOUBLE_QUOTED:
        return walk(source, line, column + 1, Math.max(0, offset), Quote.DOUBLE);
      case LITERAL:
      case FOLDED:
        return block(source, line, Math.max(0, offset));
      default:
        return walk(source, line, column, Math.max(0, offset), Quote.NONE);
    }
  }

  private static int[] walk(SourceText source, int line, int column, int offset, Quote quote) {
    int remaining = offset;
    String text = source.line(line);
    int i = column - 1;
    while (true) {
      while (i < text.length()) {
        char ch = text.charAt(i);
        if (remaining == 0 || isClosingQuote(text, i, ch, quote)) {
          return new int[] {line, i + 1};
        }
        i += step(text, i, ch, quote);
        remaining--;
      }
      if (remaining == 0 || line >= source.lineCount()) {
        return new int[] {line, i + 1};
      }
      remaining--;
      line++;
      text = source.line(line);
      i = indentOf(text);
    }
  }

  private static boolean isClosingQuote(String text, int i, char ch, Quote quote) {
    if (quote == Quote.DOUBLE) {
      return ch == '"';
    }
    if (quote == Quote.SINGLE) {
      return ch == '\'' && !(i + 1 < text.length() && text.charAt(i + 1) == '\'');
    }
    return false;
  }

  private static int step(String text, int i, char ch, Quote quote) {
    if (quote == Quote.SINGLE && ch == '\'') {
      return 2;
    }
    if (quote == Quote.DOUBLE && ch == '\\' && i + 1 < text.length()) {
      switch (text.charAt(i + 1)) {
        case 'x':
          return 4;
        case 'u':
          return 6;
        case 'U':
          return 10;
        default:
          return 2;
      }
    }
    return 1;
  }

  private static int[] block(SourceText source, int headerLine, int offset) {
    int indent = -1;
    int remaining = offset;
    for (int line = headerLine + 1; line <= source.lineCount(); line++) {
      String text = source.line(line);
      if (indent < 0 && !text.isBlank()) {
        indent = indentOf(text);
      }
      int start = indent < 0 ? text.length() : Math.min(indent, text.length());
      int length = text.length() - start;
      if (remaining <= length) {
        return new int[] {line, start + remaining + 1};
      }
      remaining -= length + 1;
    }
    return new int[] {headerLine + 1, 1};
  }

  private static int indentOf(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
