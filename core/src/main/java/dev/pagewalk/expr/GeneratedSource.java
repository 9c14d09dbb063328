package dev.pagewalk.expr;

import java.util.Set;

/** The check that generated MVEL source has the restricted shape, before MVEL sees it. */
final class GeneratedSource {
  static final Set<String> HELPERS = Helpers.names();

  private GeneratedSource() {}

  static String check(String source) {
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '(' || c == ')' || c == ',' || c == '?' || c == ':') {
        i++;
        continue;
      }
      if (source.startsWith("&&", i) || source.startsWith("||", i)) {
        i += 2;
        continue;
      }
      int start = i;
      while (i < source.length()
          && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')
          && source.charAt(i) < 128) {
        i++;
      }
      String word = source.substring(start, i);
      if (word.isEmpty() || !(HELPERS.contains(word) || word.matches("[vk](0|[1-9][0-9]{0,5})"))) {
        throw new IllegalStateException(
            "generated MVEL source has an illegal part at " + start + ": " + source);
      }
    }
    return source;
  }
}
