package dev.pagewalk.expr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The deadline that expression evaluation on this thread runs under: the engine {@link #arm}s it
 * when a page arrives ({@code limits.timeout} after it) and {@link #clear}s it when the walk ends.
 * Built-ins report the work they do ({@link #work}: the size of their inputs, the steps of a
 * jsonpath), and the injected clock is read once every {@value #CHECK_EVERY} units of work — not on
 * every operation. Past the deadline the next check fails the evaluation, located like any other
 * expression failure, and {@link EvaluationException#pastDeadline()} tells it apart.
 *
 * <p>Per thread: evaluation of one walk runs on one thread; another thread sees no deadline.
 */
public final class EvalDeadline {
  /** Units of work (characters / 64, list elements, jsonpath steps) between two clock reads. */
  static final long CHECK_EVERY = 1 << 16;

  private static final ThreadLocal<EvalDeadline> CURRENT = new ThreadLocal<>();

  private final Clock clock;
  private final Instant at;
  private final Duration budget;
  private long work;

  private EvalDeadline(Clock clock, Instant at, Duration budget) {
    this.clock = clock;
    this.at = at;
    this.budget = budget;
  }

  /**
   * From now on this thread's evaluations must end within {@code budget} of {@code clock}'s now; a
   * null budget means no deadline.
   */
  public static void arm(Clock clock, Duration budget) {
    if (budget == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(new EvalDeadline(clock, clock.instant().plus(budget), budget));
    }
  }

  /** No deadline on this thread any more. */
  public static void clear() {
    CURRENT.remove();
  }

  /** Counts {@code units} of work and, every {@value #CHECK_EVERY} units, reads the clock. */
  static void work(long units) {
    EvalDeadline d = CURRENT.get();
    if (d != null) {
      d.add(units);
    }
  }

  /** The units a call's argument stands for: its size, where it has one. */
  static long sizeOf(Object value) {
    if (value instanceof CharSequence s) {
      return 1 + s.length() / 64;
    }
    if (value instanceof java.util.Collection<?> c) {
      return 1 + c.size();
    }
    if (value instanceof java.util.Map<?, ?> m) {
      return 1 + m.size();
    }
    return 1;
  }

  private void add(long units) {
    work += units;
    if (work < CHECK_EVERY) {
      return;
    }
    work = 0;
    if (!clock.instant().isBefore(at)) {
      throw EvalFailure.pastDeadline(
          "evaluation passed its deadline (limits.timeout "
              + budget.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
              + " after the page arrived)");
    }
  }
}
