package dev.pagewalk.conformance;

import java.util.List;
import java.util.Map;

/**
 * What a case expects of the run's completeness report (the {@code expect.report} block). Every
 * field is optional; null is not checked. Maps are partial: only the names given are compared.
 * Immutable.
 *
 * @param verdict {@code COMPLETE}, {@code INCOMPLETE} or {@code UNVERIFIED}
 * @param stopReason the report's stop reason, by wire name
 * @param records counts by name ({@code received}, {@code emitted}, {@code filtered}, {@code
 *     duplicatesDropped}, ...)
 * @param requests counts by name ({@code total}, {@code initial}, {@code pagination}, {@code
 *     retries})
 * @param pages pages accepted
 * @param waits milliseconds waited by kind ({@code retry}, {@code rateLimit}, {@code delay}); the
 *     live-data runner's clock is virtual, so a {@code Retry-After} wait is exact
 * @param reasons the reasons, exactly and in order
 * @param reasonsContain texts each of which some reason must contain
 * @param advice the advice, exactly and in order
 * @param adviceContains texts each of which some piece of advice must contain
 * @param checks check name to outcome ({@code pass}, {@code fail}, {@code not-applicable})
 * @param walks how many walks the report lists (0 when the run did not rewalk)
 * @param caveats the caveats ({@code audit.excludes}), exactly and in order
 */
public record ReportExpectation(
    String verdict,
    String stopReason,
    Map<String, Long> records,
    Map<String, Long> requests,
    Long pages,
    Map<String, Long> waits,
    List<String> reasons,
    List<String> reasonsContain,
    List<String> advice,
    List<String> adviceContains,
    Map<String, String> checks,
    Long walks,
    List<String> caveats) {

  public ReportExpectation {
    records =
        records == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(records));
    requests =
        requests == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(requests));
    waits =
        waits == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(waits));
    reasons = reasons == null ? null : List.copyOf(reasons);
    reasonsContain = reasonsContain == null ? List.of() : List.copyOf(reasonsContain);
    advice = advice == null ? null : List.copyOf(advice);
    adviceContains = adviceContains == null ? List.of() : List.copyOf(adviceContains);
    caveats = caveats == null ? null : List.copyOf(caveats);
    checks =
        checks == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
  }
}
