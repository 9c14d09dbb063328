package dev.pagewalk.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How to write an unquoted {@code {{...}}} value so YAML reads it as text. */
final class ExpressionQuoting {
  private static final Pattern UNQUOTED =
      Pattern.compile("^\\s*((?:-\\s+)*(?:[^\\s\"'{\\[#][^:#]*:\\s+)?)(\\{\\{.*?)\\s*$");

  private ExpressionQuoting() {}

  /** The value in quotes YAML keeps as text: double quotes, or single when it holds double ones. */
  static String quote(String value) {
    if (value.contains("\"") && !value.contains("'")) {
      return "'" + value + "'";
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * For a source line whose value starts with an unquoted <code>{{</code>, the fix ("write url:
   * \"{{base}}/x\""); null for other lines.
   */
  static String fixFor(String line) {
    Matcher m = UNQUOTED.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String prefix = m.group(1).trim();
    return "quote values that start with {{: write "
        + (prefix.isEmpty() ? "" : prefix + " ")
        + quote(m.group(2));
  }
}
