package dev.pagewalk.conformance;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a case expects of its run (the {@code expect} block of {@code case.yaml}). Every field is
 * optional; a null field is not checked. Immutable.
 *
 * @param records file of expected record values, one JSON document per line, in order
 * @param keys file of expected record keys ({@code response.key}), one JSON per line, in order
 * @param ordered whether records must arrive in the file's order (default true)
 * @param stopReason expected stop reason, by wire name ({@code condition-false}, ...)
 * @param requests expected number of HTTP requests, retries included
 * @param error expected failure message, exactly
 * @param errorContains text the failure message must contain
 * @param result expected values of {@link dev.pagewalk.RunResult} fields, by component name
 * @param specError expected load failure message, exactly
 * @param specErrorContains text the load failure message must contain
 * @param dataset how the delivered ids must compare with the live-data mock's dataset: {@code
 *     exact} (every id that existed throughout, once; ids inserted or deleted during the run either
 *     way), {@code mustContain} (none of those missing; duplicates allowed) or {@code missing} (the
 *     run must have missed some: proves drift)
 * @param idField the record field holding the id the dataset expectation compares (default id)
 * @param report expected fields of the completeness report, or null
 * @param verdict the run's verdict: a one-stream run's report verdict, or a connector run's (the
 *     weakest of its streams')
 * @param streams expectations of a connector run's streams, by stream name; empty for none
 */
public record Expectation(
    Path records,
    Path keys,
    boolean ordered,
    String stopReason,
    Long requests,
    String error,
    String errorContains,
    Map<String, Object> result,
    String specError,
    String specErrorContains,
    String dataset,
    String idField,
    ReportExpectation report,
    String verdict,
    Map<String, StreamExpectation> streams) {

  public Expectation {
    result = result == null ? Map.of() : Map.copyOf(result);
    streams =
        streams == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(streams));
  }

  /** True when the case is about a spec that must fail to load. */
  public boolean expectsSpecError() {
    return specError != null || specErrorContains != null;
  }

  /** True when the run must end with a failure. */
  public boolean expectsFailure() {
    return error != null || errorContains != null;
  }
}
