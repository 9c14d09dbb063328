package dev.pagewalk.conformance;

import dev.pagewalk.RunResult;
import java.util.List;

/**
 * What running a case produced: the record values and keys delivered, the engine's result (null
 * when the run threw before finishing, e.g. on invalid inputs), the failure message if any, and
 * what the mock API saw (and where it listened).
 *
 * @param thrown true when the failure was thrown by the engine rather than reported in the result
 * @param answers for a live-data case, how the mock answered each request in {@code served} ({@code
 *     200}, {@code 503}, a socket fault's name); null for a mappings case
 * @param dataset for a live-data case, which ids a complete read must and may contain; else null
 * @param streams a connector run's result (several streams); null for a one-stream run
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
    List<String> strayQueryParameters,
    List<String> answers,
    dev.pagewalk.conformance.livedata.Expectation dataset,
    dev.pagewalk.StreamsResult streams) {

  /** A message as shown in reports: the mock API's address written {@code ${baseUrl}}. */
  String shown(String message) {
    return message == null || baseUrl == null ? message : message.replace(baseUrl, "${baseUrl}");
  }
}
