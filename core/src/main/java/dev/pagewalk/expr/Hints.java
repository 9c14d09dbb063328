package dev.pagewalk.expr;

import dev.pagewalk.spec.DidYouMean;
import java.util.Locale;

/** "did you mean ...?" suggestions by edit distance. */
final class Hints {
  private Hints() {}

  static String didYouMean(String name, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d =
          DidYouMean.distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = name.length() <= 3 ? 1 : name.length() <= 5 ? 2 : 3;
    return best != null && bestDistance <= allowed ? "did you mean '" + best + "'?" : null;
  }
}
