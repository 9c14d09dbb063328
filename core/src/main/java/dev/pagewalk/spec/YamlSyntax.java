package dev.pagewalk.spec;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;

/**
 * Says a YAML syntax error in plain words, at the line where the mistake is. SnakeYAML reports
 * where reading failed, which is often later: an unclosed quote fails at the end of the file or at
 * the next quote; a missing colon fails on the line after. The common mistakes are recognised from
 * the source text: an unclosed quote, an unclosed [ or {, a tab, a line indented too deep or to no
 * level, a key without its colon, a colon inside an unquoted value. Anything else keeps SnakeYAML's
 * words.
 */
final class YamlSyntax {
  /** Where (1-based) and what to report. */
  record Explained(int line, int column, String message, String hint) {}

  private static final Pattern KEY_VALUE =
      Pattern.compile("^(\\s*(?:-\\s+)*)([^\\s#\"'][^:#]*?):(?:\\s+(.*))?$");
  private static final Pattern QUOTED_START =
      Pattern.compile("^(\\s*(?:-\\s+)*(?:[^\\s#\"'][^:#]*?:\\s+)?)([\"'])");
  private static final Pattern KEY_WITHOUT_COLON =
      Pattern.compile("^(\\s*(?:-\\s+)*)([A-Za-z_][\\w.-]*)\\s+(\\S.*)$");

  private final SourceText source;

  private YamlSyntax(SourceText source) {
    this.source = source;
  }

  static Explained explain(YamlProblem p, SourceText source) {
    return new YamlSyntax(source).explain(p);
  }

  private Explained explain(YamlProblem p) {
    Mark mark = p.mark();
    if (mark == null) {
      return new Explained(1, 1, p.getMessage(), p.hint());
    }
    int line = mark.getLine() + 1;
    String problem = p.getMessage() == null ? "" : p.getMessage();
    String context = p.context() == null ? "" : p.context();
    Explained found = unclosedQuote(line, context);
    if (found == null
        && context.startsWith("while parsing a flow")
        && problem.startsWith("expected ',' or")) {
      found = unclosedFlow(p.contextMark(), context.contains("sequence"));
    }
    if (found == null && problem.contains("\\t(TAB)")) {
      found =
          new Explained(
              line,
              mark.getColumn() + 1,
              "a tab in the indentation: YAML indents" + " with spaces only",
              "replace the tab on line " + line + " with spaces");
    }
    if (found == null
        && problem.startsWith("could not find expected ':'")
        && p.contextMark() != null) {
      found = missingColon(p.contextMark().getLine() + 1);
    }
    if (found == null && problem.equals("mapping values are not allowed here")) {
      found = mappingValueNotAllowed(line, mark.getColumn());
    }
    if (found == null && problem.contains("but found '<block mapping start>'")) {
      found = indentedToNoLevel(line);
    }
    if (found == null && problem.contains("but found '<scalar>'")) {
      found = textAfterQuote(line, mark.getColumn());
    }
    return found != null ? found : new Explained(line, mark.getColumn() + 1, problem, p.hint());
  }

  /** The first quoted value, up to the failing line, that does not close on its own line. */
  private Explained unclosedQuote(int failedLine, String context) {
    for (int n = 1; n <= Math.min(failedLine, source.lineCount()); n++) {
      String text = source.line(n);
      Matcher m = QUOTED_START.matcher(text);
      if (!m.find()) {
        continue;
      }
      int open = m.end(2) - 1;
      char quote = text.charAt(open);
      if (closes(text, open + 1, quote) >= 0) {
        continue;
      }
      int closedOn = closingLine(n, quote);
      boolean cause =
          context.startsWith("while scanning a quoted scalar") || closedOn == failedLine;
      if (!cause) {
        continue;
      }
      String where = "line " + n + ", column " + (open + 1);
      String message =
          closedOn < 0
              ? "a quoted value opened at " + where + " is never closed"
              : "a quoted value opened at "
                  + where
                  + " is not closed on its line, so YAML reads on"
                  + " to the quote on line "
                  + closedOn;
      return new Explained(
          n,
          open + 1,
          message,
          "close it with " + quote + " on line " + n + ": " + text.strip() + quote);
    }
    return null;
  }

  /** Index of the closing quote in {@code text} from {@code from}, or -1. */
  private static int closes(String text, int from, char quote) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private int closingLine(int openLine, char quote) {
    for (int n = openLine + 1; n <= source.lineCount(); n++) {
      if (closes(source.line(n), 0, quote) >= 0) {
        return n;
      }
    }
    return -1;
  }

  private Explained unclosedFlow(Mark open, boolean list) {
    if (open == null) {
      return null;
    }
    int n = open.getLine() + 1;
    String what = list ? "the list opened with '[' at line " : "the map opened with '{' at line ";
    return new Explained(
        n,
        open.getColumn() + 1,
        what
            + n
            + ", column "
            + (open.getColumn() + 1)
            + " is not closed with "
            + (list ? "']'" : "'}'"),
        "close it on line "
            + n
            + (list
                ? ", or write one item per line as - item"
                : ", or write one key: value per line"));
  }

  private Explained missingColon(int n) {
    String text = source.line(n);
    Matcher m = KEY_WITHOUT_COLON.matcher(text);
    String hint = m.matches() ? "write " + m.group(2) + ": " + m.group(3).strip() : null;
    return new Explained(n, indent(text) + 1, "line " + n + " has no ':' after its key", hint);
  }

  private Explained mappingValueNotAllowed(int n, int column) {
    String text = source.line(n);
    Matcher kv = KEY_VALUE.matcher(text);
    if (kv.matches() && kv.end(2) < column && kv.group(3) != null) {
      return new Explained(
          n,
          kv.start(3) + 1,
          "a value that contains ': ' must be quoted",
          "write " + kv.group(2).strip() + ": " + ExpressionQuoting.quote(kv.group(3).strip()));
    }
    int previous = previousContentLine(n);
    if (previous < 1) {
      return null;
    }
    String above = source.line(previous);
    Matcher aboveKv = KEY_VALUE.matcher(above);
    if (!aboveKv.matches()) {
      Explained missing = missingColon(previous);
      return new Explained(
          missing.line(),
          missing.column(),
          missing.message() + ", so YAML reads it and line " + n + " as one text",
          missing.hint());
    }
    if (indent(text) > indent(above) && aboveKv.group(3) != null) {
      String key = text.strip();
      key = key.substring(0, Math.max(0, key.indexOf(':')));
      return new Explained(
          n,
          indent(text) + 1,
          "'"
              + key
              + "' is indented deeper than '"
              + aboveKv.group(2).strip()
              + "' above it, which already has a value",
          "indent "
              + key
              + ": by "
              + plural(indent(above), "space")
              + ", like "
              + aboveKv.group(2).strip()
              + ":");
    }
    return null;
  }

  private Explained indentedToNoLevel(int n) {
    String text = source.line(n);
    TreeSet<Integer> levels = new TreeSet<>();
    for (int i = 1; i < n; i++) {
      String above = source.line(i);
      if (KEY_VALUE.matcher(above).matches()) {
        levels.add(indent(above));
      }
    }
    String shown = String.join(" or ", levels.stream().map(String::valueOf).toList());
    return new Explained(
        n,
        indent(text) + 1,
        "line "
            + n
            + " is indented by "
            + plural(indent(text), "space")
            + ", which lines up with no key above it",
        "indent it like the keys it belongs with (" + shown + " spaces above)");
  }

  private Explained textAfterQuote(int n, int column) {
    String text = source.line(n);
    int i = Math.min(column, text.length()) - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0 || (text.charAt(i) != '"' && text.charAt(i) != '\'')) {
      return null;
    }
    return new Explained(
        n,
        column + 1,
        "text after the closing quote of a value",
        "put all of the value inside the quotes");
  }

  private int previousContentLine(int n) {
    for (int i = n - 1; i >= 1; i--) {
      String text = source.line(i).strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  private static int indent(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
