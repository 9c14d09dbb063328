package dev.pagewalk.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;

/**
 * One completeness check with its evidence: whether it passed, failed or did not apply, and in one
 * line ({@code summary}) what was compared.
 */
public record Check(Kind name, Outcome outcome, String summary, Map<String, Object> evidence) {
  /** Which check: the report writes its wire name. */
  public enum Kind {
    /** The API's own count ({@code audit.total}) against the records delivered. */
    TOTAL,
    /** The declared order ({@code sync.order}) held across the walk. */
    ORDER,
    /** No gap in a sequential id ({@code audit.sequentialId}). */
    SEQUENTIAL_ID,
    /** No key came back on a later page (a shifted page boundary). */
    BOUNDARY_DUPLICATES,
    /** The walk ended for a reason that means it saw the end. */
    STOP;

    /** The name in the report: {@code total}, {@code sequential-id}, …. */
    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The check a report names.
     *
     * @throws IllegalArgumentException for a name that is no check
     */
    @JsonCreator
    public static Kind fromWireName(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String toString() {
      return wireName();
    }
  }

  /** A check's outcome; the report writes its wire name. */
  public enum Outcome {
    PASS,
    FAIL,
    /** The spec declares nothing this check could compare (or a truncated run cannot tell). */
    NOT_APPLICABLE;

    /** The name in the report: {@code pass}, {@code fail}, {@code not-applicable}. */
    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
      return wireName();
    }
  }

  public Check {
    evidence =
        evidence == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
  }

  public boolean failed() {
    return outcome == Outcome.FAIL;
  }

  public boolean passed() {
    return outcome == Outcome.PASS;
  }
}
