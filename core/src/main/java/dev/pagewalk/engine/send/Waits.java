package dev.pagewalk.engine.send;

import java.time.Duration;
import java.util.Arrays;

/** Time waited, by {@link Pause}. Immutable; {@link #NONE} is no wait at all. */
public final class Waits {
  public static final Waits NONE = new Waits(new Duration[0]);
  private static final Pause[] REASONS = Pause.values();

  /** Indexed by reason ordinal; shorter (or empty) means zero for the rest. */
  private final Duration[] byReason;

  private Waits(Duration[] byReason) {
    this.byReason = byReason;
  }

  /** These waits and {@code duration} more for {@code why}; the same for no positive duration. */
  public Waits plus(Pause why, Duration duration) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      return this;
    }
    Duration[] next = Arrays.copyOf(byReason, REASONS.length);
    next[why.ordinal()] = of(why).plus(duration);
    return new Waits(next);
  }

  /** Both waits added up. */
  public Waits plus(Waits other) {
    Waits sum = this;
    for (int i = 0; i < other.byReason.length; i++) {
      sum = sum.plus(REASONS[i], other.byReason[i]);
    }
    return sum;
  }

  /** The time waited for {@code why}. */
  public Duration of(Pause why) {
    int i = why.ordinal();
    return i < byReason.length && byReason[i] != null ? byReason[i] : Duration.ZERO;
  }

  /** All the time waited. */
  public Duration total() {
    return sum(r -> true);
  }

  /** The time waited before retries. */
  public Duration retry() {
    return of(Pause.RETRY);
  }

  /** The time waited for rate limits, the client's and the server's. */
  public Duration rateLimit() {
    return sum(Pause::rateLimit);
  }

  /** The time waited for the spec's delays between requests. */
  public Duration delay() {
    return sum(Pause::delay);
  }

  private Duration sum(java.util.function.Predicate<Pause> which) {
    Duration total = Duration.ZERO;
    for (Pause r : REASONS) {
      if (which.test(r)) {
        total = total.plus(of(r));
      }
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Waits w)) {
      return false;
    }
    for (Pause r : REASONS) {
      if (!of(r).equals(w.of(r))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (Pause r : REASONS) {
      h = 31 * h + of(r).hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Waits{");
    for (Pause r : REASONS) {
      if (!of(r).isZero()) {
        sb.append(sb.length() > 6 ? ", " : "").append(r.name()).append('=').append(of(r));
      }
    }
    return sb.append('}').toString();
  }
}
