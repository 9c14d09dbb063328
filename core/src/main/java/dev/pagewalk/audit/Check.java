package dev.pagewalk.audit;

import java.util.Map;

/**
 * One completeness check with its evidence. {@code outcome} is {@code pass}, {@code fail} or
 * {@code not-applicable}; {@code summary} says in one line what was compared.
 */
public record Check(String name, String outcome, String summary, Map<String, Object> evidence) {
  public static final String PASS = "pass";
  public static final String FAIL = "fail";
  public static final String NOT_APPLICABLE = "not-applicable";

  public Check {
    evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(evidence));
  }

  public boolean failed() {
    return FAIL.equals(outcome);
  }

  public boolean passed() {
    return PASS.equals(outcome);
  }
}
