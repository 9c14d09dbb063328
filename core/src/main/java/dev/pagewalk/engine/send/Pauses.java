package dev.pagewalk.engine.send;

import dev.pagewalk.RunListener;
import dev.pagewalk.Sleeper;
import java.time.Duration;

/** Waits through the run's sleeper, telling the listener first ({@code onWait}). */
final class Pauses {
  private final RunListener listener;
  private final Sleeper sleeper;

  Pauses(RunListener listener, Sleeper sleeper) {
    this.listener = listener;
    this.sleeper = sleeper;
  }

  /**
   * Waits {@code duration} (nothing for none); false when an interrupt cut the wait short, with the
   * interrupt kept set.
   */
  boolean sleep(Pause why, Duration duration) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      return true;
    }
    listener.onWait(why.counted(), duration);
    try {
      sleeper.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
