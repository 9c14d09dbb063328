package dev.pagewalk;

import java.util.Locale;

/**
 * Why a run ended. Every run has exactly one. Natural ends are {@link #CONDITION_FALSE}, {@link
 * #EMPTY_PAGE} and {@link #NO_PAGINATION}; caps and {@link #LIMIT} end a run that is reported as
 * truncated; the rest end it with a failure.
 */
public enum StopReason {
  /** The pagination {@code condition} evaluated false: the API said there is no more. */
  CONDITION_FALSE(Kind.NATURAL),
  /** A page with no items and no {@code condition} to say there is more (Make's rule). */
  EMPTY_PAGE(Kind.NATURAL),
  /** The request has no {@code pagination} block (or its {@code condition} skipped it). */
  NO_PAGINATION(Kind.NATURAL),
  /** {@code response.limit} was reached. */
  LIMIT(Kind.TRUNCATED),
  MAX_REQUESTS(Kind.TRUNCATED),
  MAX_PAGINATION_REQUESTS(Kind.TRUNCATED),
  MAX_RECORDS(Kind.TRUNCATED),
  /** A request passed its hard deadline ({@code limits.timeout}). */
  TIMEOUT(Kind.FAILED),
  /**
   * The same pagination request twice, the same body three times in a row, or pages in a row that
   * bring nothing new (empty, or records already delivered).
   */
  LOOP_DETECTED(Kind.FAILED),
  ERROR(Kind.FAILED),
  CANCELLED(Kind.FAILED);

  /** How a stop reason bears on completeness. */
  public enum Kind {
    NATURAL,
    TRUNCATED,
    FAILED
  }

  private final Kind kind;

  StopReason(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The name used in reports, cases and the CLI: {@code condition-false}, {@code max-records}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static StopReason fromWireName(String name) {
    for (StopReason r : values()) {
      if (r.wireName().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown stop reason '" + name + "'");
  }

  @Override
  public String toString() {
    return wireName();
  }
}
