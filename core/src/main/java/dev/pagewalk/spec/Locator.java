package dev.pagewalk.spec;

import dev.pagewalk.Diagnostic;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Makes located diagnostics: from a mark, or from a JSON pointer through the node index. */
final class Locator {
  private final SourceText source;
  private final Map<String, NodeLocation> index;

  Locator(SourceText source, Map<String, NodeLocation> index) {
    this.source = source;
    this.index = Map.copyOf(index);
  }

  SourceText source() {
    return source;
  }

  boolean has(String pointer) {
    return index.containsKey(pointer);
  }

  /** At a mark (0-based line and column); at 1:1 when there is none. */
  Diagnostic at(Mark mark, String pointer, String message, String hint) {
    int line = mark == null ? 1 : mark.getLine() + 1;
    int column = mark == null ? 1 : mark.getColumn() + 1;
    return at(line, column, pointer, message, hint);
  }

  Diagnostic at(int line, int column, String pointer, String message, String hint) {
    return new Diagnostic(
        source.fileName(), line, column, pointer, message, source.line(line), hint);
  }

  /** At the value, or for a missing value at its nearest existing parent. */
  Diagnostic atValue(String pointer, String message, String hint) {
    NodeLocation location = nearest(pointer);
    return at(location == null ? null : location.node().getStartMark(), pointer, message, hint);
  }

  /** At the key that names the value (for unknown or misplaced keys), else at the value. */
  Diagnostic atKey(String pointer, String message, String hint) {
    NodeLocation location = index.get(pointer);
    if (location == null || location.keyMark() == null) {
      return atValue(pointer, message, hint);
    }
    return at(location.keyMark(), pointer, message, hint);
  }

  /** At a character offset inside the string scalar at the pointer. */
  Diagnostic atOffset(String pointer, int offset, String message, String hint) {
    NodeLocation location = index.get(pointer);
    if (location == null || !(location.node() instanceof ScalarNode scalar)) {
      return atValue(pointer, message, hint);
    }
    int[] lineColumn = ScalarColumns.locate(source, scalar, offset);
    return at(lineColumn[0], lineColumn[1], pointer, message, hint);
  }

  /** The pointer of the value that starts at a mark (such as a tag), or null when none does. */
  String pointerAt(Mark mark) {
    if (mark == null) {
      return null;
    }
    for (Map.Entry<String, NodeLocation> e : index.entrySet()) {
      if (e.getValue().node().getStartMark().getIndex() == mark.getIndex()) {
        return e.getKey();
      }
    }
    return null;
  }

  private NodeLocation nearest(String pointer) {
    String at = pointer;
    while (true) {
      NodeLocation location = index.get(at);
      if (location != null || at.isEmpty()) {
        return location;
      }
      at = JsonPointers.parent(at);
    }
  }
}
