package dev.pagewalk.conformance;

import dev.pagewalk.RunResult;
import java.util.List;

/**
 * What running a case produced: the record values and keys delivered, the engine's result (null when the
 * run threw before finishing, e.g. on invalid inputs), the failure message if any, and what the
 * mock API saw.
 *
 * @param thrown true when the failure was thrown by the engine rather than reported in the result
 */
record Observed(
    List<Object> records,
    List<Object> keys,
    RunResult result,
    String failure,
    boolean thrown,
    List<ServedRequest> served,
    List<String> unmatched,
    List<String> strayQueryParameters) {}
