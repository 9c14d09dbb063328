package dev.pagewalk.conformance;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Rewrites the expected counts of a {@code case.yaml} in place: the text of each whole-number value
 * under {@code expect.requests}, {@code expect.result.*}, {@code expect.report.pages} and {@code
 * expect.report.records|requests|waits.*} that differs from the actual one is replaced where it
 * stands, so comments, key order, flow or block style and every other key stay as written. Only
 * counts the case already names are touched; nothing is added or removed.
 */
final class CaseYamlCounts {
  private static final List<List<String>> COUNTED =
      List.of(
          List.of("requests"),
          List.of("result", "*"),
          List.of("report", "pages"),
          List.of("report", "records", "*"),
          List.of("report", "requests", "*"),
          List.of("report", "waits", "*"));

  private CaseYamlCounts() {}

  /** One rewritten count: its path under {@code expect} and the old and new values. */
  record Change(String path, String from, String to, int start, int end) {
    @Override
    public String toString() {
      return "expect." + path + " " + from + " → " + to;
    }
  }

  /** The rewritten text and what changed (empty when every named count already matched). */
  record Rewrite(String text, List<Change> changes) {}

  /**
   * Rewrites {@code text}; {@code actual} gives the actual count for a path under {@code expect}
   * ({@code result.pages}, {@code report.records.emitted}), or null when there is none.
   */
  static Rewrite rewrite(String text, Function<String, Long> actual) {
    Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    Optional<MappingNode> expect = child(root, "expect").flatMap(CaseYamlCounts::mapping);
    List<Change> changes = new ArrayList<>();
    expect.ifPresent(e -> COUNTED.forEach(path -> collect(e, path, "", text, actual, changes)));
    StringBuilder out = new StringBuilder(text);
    changes.stream()
        .sorted(Comparator.comparingInt(Change::start).reversed())
        .forEach(c -> out.replace(c.start(), c.end(), c.to()));
    return new Rewrite(out.toString(), List.copyOf(changes));
  }

  private static void collect(
      MappingNode node,
      List<String> path,
      String prefix,
      String text,
      Function<String, Long> actual,
      List<Change> changes) {
    String step = path.get(0);
    for (NodeTuple t : node.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)
          || !(step.equals("*") || step.equals(k.getValue()))) {
        continue;
      }
      String name = prefix + k.getValue();
      Node value = t.getValueNode();
      if (path.size() > 1) {
        mapping(value)
            .ifPresent(
                m -> collect(m, path.subList(1, path.size()), name + ".", text, actual, changes));
      } else if (value instanceof ScalarNode s
          && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
          && s.getValue().matches("-?[0-9]+")) {
        Long want = actual.apply(name);
        if (want != null && Long.parseLong(s.getValue()) != want) {
          int start = text.offsetByCodePoints(0, s.getStartMark().getIndex());
          int end = text.offsetByCodePoints(0, s.getEndMark().getIndex());
          changes.add(new Change(name, s.getValue(), Long.toString(want), start, end));
        }
      }
    }
  }

  private static Optional<Node> child(Node node, String key) {
    return mapping(node)
        .flatMap(
            m ->
                m.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                    .map(NodeTuple::getValueNode)
                    .findFirst());
  }

  private static Optional<MappingNode> mapping(Node node) {
    return node instanceof MappingNode m ? Optional.of(m) : Optional.empty();
  }
}
