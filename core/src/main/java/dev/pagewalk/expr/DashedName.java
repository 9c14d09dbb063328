package dev.pagewalk.expr;

/**
 * A member name with dashes written without backticks: {@code headers.x-next-page} parses as {@code
 * headers.x - next - page}, a subtraction of unknown names. Found from the source text around the
 * name that failed, to tell the author to write {@code headers.`x-next-page`}.
 *
 * @param path what comes before the dashed name, with its dot ({@code headers.})
 * @param name the dashed name ({@code x-next-page})
 */
record DashedName(String path, String name) {
  /** The dashed member name that the character at {@code offset} belongs to, or null. */
  static DashedName around(String source, int offset) {
    if (offset < 0 || offset >= source.length()) {
      return null;
    }
    int start = offset;
    while (start > 0 && isNamePartOrDash(source.charAt(start - 1))) {
      start--;
    }
    int end = offset;
    while (end < source.length() && isNamePartOrDash(source.charAt(end))) {
      end++;
    }
    String name = source.substring(start, end);
    if (!name.contains("-")
        || name.startsWith("-")
        || name.endsWith("-")
        || start == 0
        || source.charAt(start - 1) != '.') {
      return null;
    }
    int pathStart = start - 1;
    while (pathStart > 0
        && (isNamePart(source.charAt(pathStart - 1)) || source.charAt(pathStart - 1) == '.')) {
      pathStart--;
    }
    return new DashedName(source.substring(pathStart, start), name);
  }

  /** A member name as it must be written: as is, or in backticks when it is not a plain name. */
  static String quoted(String key) {
    boolean plain =
        !key.isEmpty()
            && !Character.isDigit(key.charAt(0))
            && key.chars().allMatch(c -> isNamePart((char) c));
    return plain ? key : "`" + key + "`";
  }

  String reading() {
    return "without backticks, " + path + name + " reads as " + path + name.replace("-", " - ");
  }

  String fix() {
    return "a name with dashes needs backticks: write " + path + "`" + name + "`";
  }

  private static boolean isNamePart(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  private static boolean isNamePartOrDash(char c) {
    return isNamePart(c) || c == '-';
  }
}
