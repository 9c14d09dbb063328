package dev.pagewalk.connector;

import dev.pagewalk.plan.StreamPlan;
import dev.pagewalk.state.Checkpoint;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One walk to run: a stream, which of its walks it is ({@link
 * dev.pagewalk.StreamsResult.WalkResult#walk}) and the variables its expressions see besides the
 * run's ({@code stream}, and {@code parent} or {@code partition}); {@code from} is the checkpoint a
 * resumed walk continues from (null: from its first page).
 */
record Walk(StreamPlan stream, String label, Map<String, Object> variables, Checkpoint from) {
  static Walk of(StreamPlan stream, String label, String variable, Object value) {
    Map<String, Object> variables =
        variable == null
            ? Map.of("stream", Map.of("name", stream.name()))
            : new HashMap<>(Map.of("stream", Map.of("name", stream.name())));
    if (variable != null) {
      variables.put(variable, value);
    }
    return new Walk(stream, label, Collections.unmodifiableMap(variables), null);
  }

  /** This walk, continuing from {@code checkpoint}. */
  Walk resumedFrom(Checkpoint checkpoint) {
    return new Walk(stream, label, variables, checkpoint);
  }
}
