package dev.pagewalk.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** How a retry's backoff is randomised ({@code retry.backoff.jitter}). */
public enum Jitter {
  /** The whole ceiling, every time. */
  NONE,
  /** Half the ceiling plus a random part of the other half. */
  EQUAL,
  /** Anything from zero to the ceiling (the default): retries of many clients spread out best. */
  FULL;

  /** The spec's spelling: {@code none}, {@code equal}, {@code full}. */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The jitter a spec names; IllegalArgumentException for a name the schema does not allow. */
  public static Jitter fromSpecName(String name) {
    for (Jitter j : values()) {
      if (j.specName().equals(name)) {
        return j;
      }
    }
    throw new IllegalArgumentException("unknown retry.backoff.jitter '" + name + "'");
  }

  /** A pause of at most {@code ceiling} (and at least zero), drawn from {@code random}. */
  public Duration pause(Duration ceiling, RandomGenerator random) {
    long millis = ceiling.toMillis();
    return switch (this) {
      case NONE -> Duration.ofMillis(millis);
      case EQUAL -> Duration.ofMillis(millis / 2 + random.nextLong(millis / 2 + 1));
      case FULL -> Duration.ofMillis(random.nextLong(millis + 1));
    };
  }
}
