package dev.pagewalk.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;

/**
 * One completeness check with its evidence: whether it passed, failed or did not apply, and in one
 * line ({@code summary}) what was compared.
 */
public record Check(String name, Outcome outcome, String summary, Map<String, Object> evidence) {
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
