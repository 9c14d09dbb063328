package dev.pagewalk.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which parts of a JSON body to decode. {@link #ALL} keeps everything; otherwise an object keeps
 * only the named fields, each decoded with its own shape, and an array applies the shape to each
 * element. The rest is skipped by the parser without being turned into values. Built from the
 * paths a spec reads ({@code data.id}, {@code data.address.city}); what it drops is never visible
 * to an expression, because a member of a list is null and a value read whole is kept whole.
 * Immutable.
 */
public final class Shape {
  /** Keep everything. */
  public static final Shape ALL = new Shape(null);
  /** Keep nothing of an object (its fields are all skipped); elements of an array likewise. */
  public static final Shape NOTHING = new Shape(Map.of());

  private final Map<String, Shape> fields;

  /**
   * Field names are interned, like the names the decoder's parser returns, so the lookup done for
   * every field of every object matches by identity; a HashMap, because it checks identity first.
   */
  private Shape(Map<String, Shape> fields) {
    if (fields == null) {
      this.fields = null;
    } else {
      Map<String, Shape> interned = new HashMap<>();
      fields.forEach((k, v) -> interned.put(k.intern(), v));
      this.fields = interned;
    }
  }

  /** True when everything is kept. */
  public boolean all() {
    return fields == null;
  }

  /** The shape of field {@code name}, or null when the field is skipped. */
  Shape field(String name) {
    return fields == null ? ALL : fields.get(name);
  }

  /** The shape keeping every path given (each path kept whole below its last key); the empty path keeps all. */
  public static Shape of(Iterable<List<String>> paths) {
    Node root = new Node();
    for (List<String> path : paths) {
      Node n = root;
      for (String key : path) {
        if (n.whole) {
          break;
        }
        n = n.children.computeIfAbsent(key, k -> new Node());
      }
      n.whole = true;
      n.children.clear();
    }
    return root.shape();
  }

  /** This shape with {@code inner} added at {@code path}: what is kept there is the union of both. */
  public Shape with(List<String> path, Shape inner) {
    if (all()) {
      return this;
    }
    if (path.isEmpty()) {
      return union(this, inner);
    }
    Map<String, Shape> next = new HashMap<>(fields);
    Shape at = fields.get(path.get(0));
    next.put(path.get(0), (at == null ? NOTHING : at).with(path.subList(1, path.size()), inner));
    return new Shape(Map.copyOf(next));
  }

  private static Shape union(Shape a, Shape b) {
    if (a.all() || b.all()) {
      return ALL;
    }
    Map<String, Shape> out = new HashMap<>(a.fields);
    b.fields.forEach((k, v) -> out.merge(k, v, Shape::union));
    return new Shape(Map.copyOf(out));
  }

  @Override
  public String toString() {
    return all() ? "*" : new java.util.TreeMap<>(fields).toString();
  }

  private static final class Node {
    boolean whole;
    final Map<String, Node> children = new HashMap<>();

    Shape shape() {
      if (whole) {
        return ALL;
      }
      Map<String, Shape> out = new HashMap<>();
      children.forEach((k, v) -> out.put(k, v.shape()));
      return new Shape(Map.copyOf(out));
    }
  }
}
