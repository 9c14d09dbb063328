package dev.pagewalk.connector;

import dev.pagewalk.InputException;
import dev.pagewalk.RunInput;
import dev.pagewalk.engine.Engine;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.StreamPlan;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which streams a connector run walks, and the walks of those without a parent. */
final class StreamSelection {
  private StreamSelection() {}

  /**
   * The streams named in {@code streams} (empty: all of them), in that order.
   *
   * @throws InputException for a name the connector has no stream for
   */
  static Set<String> select(Connector connector, List<String> streams) {
    Set<String> selected = new LinkedHashSet<>();
    for (String name : streams.isEmpty() ? connector.streamNames() : streams) {
      if (connector.stream(name) == null) {
        throw new InputException(
            connector.name()
                + ": no stream named '"
                + name
                + "'; its streams are "
                + String.join(", ", connector.streamNames()));
      }
      selected.add(name);
    }
    return selected;
  }

  /** The selected streams and every parent they need. */
  static Set<String> closure(Connector connector, Set<String> selected) {
    Set<String> all = new LinkedHashSet<>();
    for (String name : selected) {
      for (StreamPlan s = connector.stream(name); s != null; ) {
        all.add(s.name());
        s = s.parent() == null ? null : connector.stream(s.parent());
      }
    }
    return all;
  }

  /** The walks of the streams without a parent, worked out as of {@code started}. */
  static Map<StreamPlan, Iterator<Walk>> roots(
      Connector connector, RunInput input, Set<String> walked, Instant started) {
    Map<StreamPlan, Iterator<Walk>> roots = new LinkedHashMap<>();
    for (StreamPlan s : connector.streams()) {
      if (s.parent() == null && walked.contains(s.name())) {
        Map<String, Object> variables = Map.of("stream", Map.of("name", s.name()));
        roots.put(s, Partitions.of(s, Engine.inputs(s.plan(), input, started, variables)));
      }
    }
    return roots;
  }
}
