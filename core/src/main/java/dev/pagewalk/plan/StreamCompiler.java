package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.expr.Scope;
import dev.pagewalk.spec.SpecDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a spec's {@code streams} into a {@link Connector}: each stream's plan with the variables
 * it may use ({@code stream}, and {@code parent} or {@code partition}), its partitions, and the
 * checks a schema cannot make (a parent that exists, no parent cycle, parent or partitions).
 * Streams come out parents first, otherwise in declaration order.
 */
final class StreamCompiler {
  private static final Set<String> PARTITION_SCOPE =
      Set.of("parameters", "connection", "now", "timestamp", "uuid", "stream");

  private StreamCompiler() {}

  static Connector compile(PlanCompiler compiler, SpecDocument doc) {
    JsonNode root = doc.tree();
    JsonNode streams = root.path("streams");
    String spec = root.path("name").asText();
    Map<String, StreamPlan> compiled = new LinkedHashMap<>();
    streams
        .fieldNames()
        .forEachRemaining(
            name -> compiled.put(name, stream(compiler, name, streams.get(name), spec)));
    checkParents(compiler, compiled);
    Plan shared = compiled.values().iterator().next().plan();
    return new Connector(
        shared.withName(spec), ordered(compiled), root.path("concurrency").asInt(1));
  }

  private static StreamPlan stream(PlanCompiler compiler, String name, JsonNode node, String spec) {
    String at = "/streams/" + name;
    String parent = node.has("parent") ? node.get("parent").asText() : null;
    Set<String> variables = new HashSet<>(Set.of("stream"));
    if (parent != null) {
      variables.add("parent");
    }
    PartitionPlan partitions = null;
    if (node.has("partitions")) {
      variables.add("partition");
      partitions = partitions(compiler, at + "/partitions", node.get("partitions"));
      if (parent != null) {
        compiler.report(
            at + "/partitions",
            "stream '" + name + "' has both a parent and partitions; a stream fans out over one",
            "split it in two streams, or move the partition into the parent's request");
      }
    }
    Plan plan = compiler.streamPlan(at, spec + "/" + name, variables);
    return new StreamPlan(name, plan, parent, partitions);
  }

  private static PartitionPlan partitions(PlanCompiler compiler, String at, JsonNode node) {
    Scope scope = new Scope("partitions", PARTITION_SCOPE);
    if (node.has("values")) {
      return new PartitionPlan.Values(
          compiler.compileAt(at + "/values", scope.at("partitions.values")));
    }
    JsonNode dates = node.path("dates");
    Duration step = StreamSteps.parse(dates.path("step").asText());
    if (step == null) {
      compiler.report(
          at + "/dates/step",
          "partitions.dates.step must be longer than zero",
          "write an ISO-8601 duration such as P1D or PT6H, or 30m, 6h, 1d, 1w");
    }
    return new PartitionPlan.Dates(
        compiler.compileAt(at + "/dates/from", scope.at("partitions.dates.from")),
        compiler.compileAt(at + "/dates/to", scope.at("partitions.dates.to")),
        step == null ? Duration.ofDays(1) : step);
  }

  private static void checkParents(PlanCompiler compiler, Map<String, StreamPlan> streams) {
    for (StreamPlan s : streams.values()) {
      if (s.parent() == null) {
        continue;
      }
      String at = "/streams/" + s.name() + "/parent";
      if (!streams.containsKey(s.parent())) {
        compiler.report(
            at,
            "stream '"
                + s.name()
                + "' names the parent '"
                + s.parent()
                + "', which is not a stream",
            "streams: " + String.join(", ", streams.keySet()));
        continue;
      }
      List<String> path = new ArrayList<>(List.of(s.name()));
      String next = s.parent();
      while (next != null && streams.containsKey(next) && !path.contains(next)) {
        path.add(next);
        next = streams.get(next).parent();
      }
      if (next != null && next.equals(s.name())) {
        path.add(next);
        compiler.report(at, "streams form a parent cycle: " + String.join(" -> ", path), null);
      }
    }
  }

  /** Parents before children; otherwise declaration order. */
  private static List<StreamPlan> ordered(Map<String, StreamPlan> streams) {
    List<StreamPlan> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (out.size() < streams.size()) {
      int before = out.size();
      for (StreamPlan s : streams.values()) {
        if (!placed.contains(s.name())
            && (s.parent() == null
                || placed.contains(s.parent())
                || !streams.containsKey(s.parent()))) {
          out.add(s);
          placed.add(s.name());
        }
      }
      if (out.size() == before) {
        streams.values().stream().filter(s -> !placed.contains(s.name())).forEach(out::add);
        break;
      }
    }
    return out;
  }
}
