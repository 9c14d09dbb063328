package dev.pagewalk.spec;

import java.util.Collection;
import java.util.Locale;

/**
 * Suggests the closest known name for a misspelt one (Levenshtein distance). The distance is the
 * one used for every suggestion, in specs and in expressions alike.
 */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate within a distance that still looks like a typo, or null. */
  static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** The Levenshtein distance: the fewest one-character insertions, deletions or substitutions. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
