package dev.pagewalk.connector;

import dev.pagewalk.plan.StreamPlan;
import java.util.Map;

/**
 * One walk to run: a stream, which of its walks it is ({@link dev.pagewalk.Runner.WalkResult#walk})
 * and the variables its expressions see besides the run's ({@code stream}, and {@code parent} or
 * {@code partition}).
 */
record Walk(StreamPlan stream, String label, Map<String, Object> variables) {
  static Walk of(StreamPlan stream, String label, String variable, Object value) {
    Map<String, Object> variables =
        variable == null
            ? Map.of("stream", Map.of("name", stream.name()))
            : new java.util.HashMap<>(Map.of("stream", Map.of("name", stream.name())));
    if (variable != null) {
      variables.put(variable, value);
    }
    return new Walk(stream, label, java.util.Collections.unmodifiableMap(variables));
  }
}
