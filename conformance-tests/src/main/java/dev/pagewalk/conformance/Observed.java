package dev.pagewalk.conformance;

import dev.pagewalk.RunResult;
import java.util.List;

/**
 * What running a case produced: the record values and keys delivered, the engine's result (null when the
 * run threw before finishing, e.g. on invalid inputs), the failure message if any, and what the
 * mock API saw (and where it listened).
 *
 * @param thrown true when the failure was thrown by the engine rather than reported in the result
 */
record Observed(
    List<Object> records,
    List<Object> keys,
    RunResult result,
    String failure,
    boolean thrown,
    String baseUrl,
    List<ServedRequest> served,
    List<String> unmatched,
    List<String> strayQueryParameters) {

  /** A message as shown in reports: the mock API's address written {@code ${baseUrl}}. */
  String shown(String message) {
    return message == null || baseUrl == null ? message : message.replace(baseUrl, "${baseUrl}");
  }
}
