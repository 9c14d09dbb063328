package dev.pagewalk.kafka;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.conformance.livedata.NestedConfig;
import dev.pagewalk.json.RecordKeys;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a spec of streams gives when run once in this JVM with {@code pagewalk run}'s engine, the
 * answer the cluster tests hold the topics against: the keys written to each stream, its walks
 * ({@code stream/walk}) and the requests its own mock saw.
 */
final class InProcessRun {
  private InProcessRun() {}

  /** The live-data mock of {@code data}'s nested resources, two items a page. */
  static LiveDataServer nestedApi(NestedConfig data) {
    return LiveDataServer.start(
        LiveDataConfig.builder().pageSize(2).maxPageSize(2).nested(data).build());
  }

  /**
   * One run of {@code spec} against a fresh {@link #nestedApi}: for each of {@code streams} the
   * canonical keys of its records, under {@code walks} every walk, under {@code requests} every
   * request path the mock saw.
   */
  static Map<String, Set<String>> expected(String spec, NestedConfig data, List<String> streams) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String name : streams) {
      out.put(name, new HashSet<>());
    }
    out.put("walks", new HashSet<>());
    out.put("requests", new HashSet<>());
    try (LiveDataServer api = nestedApi(data);
        Runner runner = Runner.builder().build()) {
      var result =
          runner.runStreams(
              Pagewalk.parse("spec.yaml", spec),
              RunInput.empty().withBaseUrl(api.baseUrl()),
              List.of(),
              (stream, r) -> out.get(stream).add(RecordKeys.canonical(r.key())),
              RunListener.NONE);
      result
          .streams()
          .forEach(s -> s.walks().forEach(w -> out.get("walks").add(s.name() + "/" + w.walk())));
      out.get("requests").addAll(api.requests());
    }
    return out;
  }
}
