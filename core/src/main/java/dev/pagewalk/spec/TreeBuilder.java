package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagewalk.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the composed YAML node tree into a JSON tree, recording where every key and value stands.
 * Reports what YAML allows but a spec must not hold: duplicate keys, merge keys, non-text keys,
 * recursive aliases, .inf/.nan, and unquoted {{ }} expressions (which YAML reads as a map; they are
 * kept as the source text so the rest of the file is still checked).
 */
final class TreeBuilder {
  private final SourceText source;
  private final Map<String, NodeLocation> index = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<String> flagged = new java.util.HashSet<>();
  private final Set<Node> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());

  TreeBuilder(SourceText source) {
    this.source = source;
  }

  JsonNode build(Node root) {
    index.put("", new NodeLocation(null, root));
    return convert(root, "", null);
  }

  Map<String, NodeLocation> index() {
    return index;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Pointers already reported here; schema messages at or below them are noise. */
  Set<String> flagged() {
    return flagged;
  }

  private JsonNode convert(Node node, String pointer, String keyName) {
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar, pointer);
    }
    if (!ancestors.add(node)) {
      report(node.getStartMark(), pointer, "recursive alias: a value cannot contain itself", null);
      return CoreSchemaScalars.NODES.nullNode();
    }
    try {
      if (node instanceof MappingNode mapping) {
        if (isUnquotedExpression(mapping)) {
          return unquotedExpression(mapping, pointer, keyName);
        }
        return mapping(mapping, pointer);
      }
      return sequence((SequenceNode) node, pointer);
    } finally {
      ancestors.remove(node);
    }
  }

  private JsonNode scalar(ScalarNode scalar, String pointer) {
    if (!scalar.isPlain()) {
      return CoreSchemaScalars.NODES.textNode(scalar.getValue());
    }
    if (CoreSchemaScalars.isNonFinite(scalar.getValue())) {
      report(
          scalar.getStartMark(),
          pointer,
          "'" + scalar.getValue() + "' is not a number a spec can hold",
          "quote it if you mean the text: \"" + scalar.getValue() + "\"");
      return CoreSchemaScalars.NODES.textNode(scalar.getValue());
    }
    return CoreSchemaScalars.resolve(scalar.getValue());
  }

  private JsonNode mapping(MappingNode mapping, String pointer) {
    ObjectNode object = CoreSchemaScalars.NODES.objectNode();
    Map<String, Mark> seen = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key)) {
        report(keyNode.getStartMark(), pointer, "a key must be text, not a list or map", null);
        continue;
      }
      String name = key.getValue();
      String child = JsonPointers.child(pointer, name);
      if (key.isPlain() && name.equals("<<")) {
        report(
            key.getStartMark(),
            child,
            "merge keys (<<) are not supported",
            "write the keys out; a spec reads the same in every YAML tool that way");
        continue;
      }
      Mark first = seen.putIfAbsent(name, key.getStartMark());
      if (first != null) {
        report(
            key.getStartMark(),
            child,
            "duplicate key '" + name + "' (first at line " + (first.getLine() + 1) + ")",
            null);
        continue;
      }
      index.put(child, new NodeLocation(key.getStartMark(), tuple.getValueNode()));
      object.set(name, convert(tuple.getValueNode(), child, name));
    }
    return object;
  }

  private JsonNode sequence(SequenceNode sequence, String pointer) {
    ArrayNode array = CoreSchemaScalars.NODES.arrayNode();
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      String child = JsonPointers.child(pointer, i);
      index.put(child, new NodeLocation(null, items.get(i)));
      array.add(convert(items.get(i), child, null));
    }
    return array;
  }

  private boolean isUnquotedExpression(MappingNode mapping) {
    if (mapping.getFlowStyle() != FlowStyle.FLOW) {
      return false;
    }
    String text = spanOf(mapping);
    return text.startsWith("{{");
  }

  private JsonNode unquotedExpression(MappingNode mapping, String pointer, String keyName) {
    String text = spanOf(mapping);
    String quoted = ExpressionQuoting.quote(text);
    String hint = "write " + (keyName == null ? "" : keyName + ": ") + quoted;
    report(
        mapping.getStartMark(),
        pointer,
        "unquoted expression: YAML reads {{...}} as a map; quote it",
        hint);
    return CoreSchemaScalars.NODES.textNode(text);
  }

  private String spanOf(Node node) {
    return source.span(node.getStartMark().getIndex(), node.getEndMark().getIndex());
  }

  private void report(Mark mark, String pointer, String message, String hint) {
    flagged.add(pointer);
    int line = mark.getLine() + 1;
    diagnostics.add(
        new Diagnostic(
            source.fileName(),
            line,
            mark.getColumn() + 1,
            pointer,
            message,
            source.line(line),
            hint));
  }
}
