package dev.pagewalk.expr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The deadline that expression evaluation on this thread runs under: the engine {@link #arm}s it
 * when a page arrives ({@code limits.timeout} after it, or the run's deadline {@code
 * limits.runTimeout} when that comes first) and {@link #clear}s it when the walk ends. Built-ins
 * report the work they do ({@link #work}: the size of their inputs, the steps of a jsonpath), and
 * the injected clock is read once every {@value #CHECK_EVERY} units of work — not on every
 * operation. Past the deadline the next check fails the evaluation, located like any other
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

  /** What the deadline is, as the failure says it. */
  private final String what;

  private long work;

  private EvalDeadline(Clock clock, Instant at, String what) {
    this.clock = clock;
    this.at = at;
    this.what = what;
  }

  /**
   * From now on this thread's evaluations must end within {@code budget} of {@code clock}'s now; a
   * null budget means no deadline.
   */
  public static void arm(Clock clock, Duration budget) {
    arm(clock, budget, null, null);
  }

  /**
   * As {@link #arm(Clock, Duration)}, but never past {@code runDeadline}, the end of the run's
   * {@code runTimeout} (null: the run has none).
   */
  public static void arm(Clock clock, Duration budget, Instant runDeadline, Duration runTimeout) {
    if (budget == null && runDeadline == null) {
      CURRENT.remove();
      return;
    }
    Instant page = budget == null ? null : clock.instant().plus(budget);
    if (runDeadline != null && (page == null || runDeadline.isBefore(page))) {
      CURRENT.set(
          new EvalDeadline(
              clock, runDeadline, "limits.runTimeout " + shown(runTimeout) + " of the run"));
    } else if (page != null) {
      CURRENT.set(
          new EvalDeadline(
              clock, page, "limits.timeout " + shown(budget) + " after the page arrived"));
    } else {
      CURRENT.remove();
    }
  }

  private static String shown(Duration d) {
    return d == null ? "" : d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
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
      throw EvalFailure.pastDeadline("evaluation passed its deadline (" + what + ")");
    }
  }
}
