package dev.pagewalk.connector;

import dev.pagewalk.report.Verdict;

/** The order of verdicts, weakest first: INCOMPLETE, UNVERIFIED, COMPLETE. */
final class Verdicts {
  private Verdicts() {}

  static Verdict weaker(Verdict a, Verdict b) {
    return rank(a) <= rank(b) ? a : b;
  }

  private static int rank(Verdict v) {
    return switch (v) {
      case INCOMPLETE -> 0;
      case UNVERIFIED -> 1;
      case COMPLETE -> 2;
    };
  }
}
