package dev.pagewalk.expr;

/**
 * Finds literal text in linear time. {@link String#indexOf(String)} compares naively, which takes
 * time proportional to the product of both lengths on crafted input; a long needle is searched with
 * Knuth-Morris-Pratt instead.
 */
final class TextSearch {
  private static final int NAIVE_MAX = 32;

  private TextSearch() {}

  /** The first index of {@code find} in {@code s} at or after {@code from}, or -1. */
  static int indexOf(String s, String find, int from) {
    if (find.length() <= NAIVE_MAX) {
      return s.indexOf(find, from);
    }
    int[] fail = failure(find);
    int matched = 0;
    for (int i = Math.max(0, from); i < s.length(); i++) {
      char c = s.charAt(i);
      while (matched > 0 && find.charAt(matched) != c) {
        matched = fail[matched - 1];
      }
      if (find.charAt(matched) == c) {
        matched++;
      }
      if (matched == find.length()) {
        return i - matched + 1;
      }
    }
    return -1;
  }

  private static int[] failure(String find) {
    int[] fail = new int[find.length()];
    int k = 0;
    for (int i = 1; i < find.length(); i++) {
      while (k > 0 && find.charAt(k) != find.charAt(i)) {
        k = fail[k - 1];
      }
      if (find.charAt(k) == find.charAt(i)) {
        k++;
      }
      fail[i] = k;
    }
    return fail;
  }
}
