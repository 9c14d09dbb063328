package dev.pagewalk.cli;

import java.time.Duration;

/** Durations for people: {@code 250ms}, {@code 1.4s}, {@code 2m05s}. */
final class Elapsed {
  private Elapsed() {}

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = d.toSeconds();
    if (s < 3600) {
      return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
