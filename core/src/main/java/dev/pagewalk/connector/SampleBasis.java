package dev.pagewalk.connector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A stream estimate's {@code basis}: what its walks are ({@code 24 partitions}, {@code one per
 * repos record}), how many were probed, and what their probes found.
 */
final class SampleBasis {
  private SampleBasis() {}

  static String of(String what, long walks, List<WalkGuess> guesses) {
    if (guesses.isEmpty()) {
      return what.isEmpty() ? "no walks" : what + ", no walks";
    }
    String found = guesses.size() == 1 ? guesses.get(0).basis() : byKind(guesses);
    if (what.isEmpty() && walks == 1) {
      return found;
    }
    String probed =
        guesses.size() == walks ? "all probed" : "a sample of " + guesses.size() + " probed";
    return what + ", " + probed + ": " + found;
  }

  private static String byKind(List<WalkGuess> guesses) {
    Map<WalkGuess.Kind, Integer> counts = new EnumMap<>(WalkGuess.Kind.class);
    guesses.forEach(g -> counts.merge(g.kind(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((kind, n) -> parts.add(n + " " + phrase(kind)));
    return String.join(", ", parts);
  }

  private static String phrase(WalkGuess.Kind kind) {
    return switch (kind) {
      case ENDED -> "ended within the probe";
      case CAPPED -> "stopped by limits.maxPaginationRequests";
      case TOTAL -> "counted by audit.total";
      case LAST -> "counted by Link rel=last";
      case MORE -> "went on past the probe with nothing to count the rest";
    };
  }
}
