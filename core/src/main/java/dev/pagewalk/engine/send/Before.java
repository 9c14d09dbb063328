package dev.pagewalk.engine.send;

import dev.pagewalk.RunStats.FaultKind;
import java.time.Duration;

/**
 * What precedes a call's first attempt: nothing, a delay the spec asks for ({@code
 * pagination.delay}, {@code repeat.delay}), or the backoff of a retry the page loop decided on (an
 * empty page with continuation), which makes the call the same request asked for again rather than
 * another logical request.
 */
public sealed interface Before {
  /** Nothing: the call is sent at once. */
  Before NOTHING = new Nothing();

  /** A pause of {@code duration} for {@code why} first (none when null or zero). */
  static Before delay(Pause why, Duration duration) {
    return duration == null || duration.isZero() || duration.isNegative()
        ? NOTHING
        : new Delay(why, duration);
  }

  /** The {@code retry}-th retry of the same request because of {@code cause}. */
  static Before again(FaultKind cause, int retry) {
    return new Again(cause, retry);
  }

  /** See {@link #NOTHING}. */
  record Nothing() implements Before {}

  /** See {@link #delay}. */
  record Delay(Pause why, Duration duration) implements Before {}

  /** See {@link #again}. */
  record Again(FaultKind cause, int retry) implements Before {}
}
