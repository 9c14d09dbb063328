package dev.pagewalk.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which parts of a JSON body to decode. {@link #ALL} keeps everything; otherwise an object keeps
 * only the named fields, each decoded with its own shape, and an array applies the shape to each
 * element. The rest is skipped by the parser without being turned into values. Built from the paths
 * a spec reads ({@code data.id}, {@code data.address.city}); what it drops is never visible to an
 * expression, because a member of a list is null and a value read whole is kept whole. A shape may
 * also carry a <em>probe</em> ({@link #withProbe}), applied to each element of an array found where
 * the shape applies, right after the element is decoded, while it is still in the CPU cache; the
 * array is then a {@link ProbedList} holding the results. Immutable.
 */
public final class Shape {
  /** Keep everything. */
  public static final Shape ALL = new Shape(null);

  /** Keep nothing of an object (its fields are all skipped); elements of an array likewise. */
  public static final Shape NOTHING = new Shape(Map.of());

  private final Map<String, Shape> fields;
  private final ElementProbe probe;
  private final Shape elements;

  /**
   * Field names are interned, like the names the decoder's parser returns, so the lookup done for
   * every field of every object matches by identity; a HashMap, because it checks identity first.
   */
  private Shape(Map<String, Shape> fields) {
    this(fields, null);
  }

  private Shape(Map<String, Shape> fields, ElementProbe probe) {
    this.probe = probe;
    if (fields == null) {
      this.fields = null;
    } else {
      Map<String, Shape> interned = new HashMap<>();
      fields.forEach((k, v) -> interned.put(k.intern(), v));
      this.fields = interned;
    }
    this.elements = probe == null ? this : fields == null ? ALL : new Shape(this.fields, null);
  }

  /** True when everything is kept and nothing is probed. */
  public boolean all() {
    return fields == null && probe == null;
  }

  /** The shape of field {@code name}, or null when the field is skipped. */
  Shape field(String name) {
    return fields == null ? ALL : fields.get(name);
  }

  /** The probe applied to each element of an array found here, or null. */
  ElementProbe probe() {
    return probe;
  }

  /**
   * The shape of an array's elements: this one without its probe (which applies to this array
   * only).
   */
  Shape elements() {
    return elements;
  }

  /**
   * This shape with {@code probe} applied to each element of an array found at {@code path} (an
   * object there is decoded as before, and nothing is probed). Unchanged when the path lies inside
   * a part kept whole or skipped: probing is only ever a shortcut, and its absence changes no
   * value. Added last: {@link #with} does not combine probes.
   */
  public Shape withProbe(List<String> path, ElementProbe probe) {
    if (path.isEmpty()) {
      return new Shape(fields, probe);
    }
    if (fields == null) {
      return this;
    }
    Shape at = fields.get(path.get(0));
    if (at == null) {
      return this; // nothing is decoded there, so there is nothing to probe
    }
    Map<String, Shape> next = new HashMap<>(fields);
    next.put(path.get(0), at.withProbe(path.subList(1, path.size()), probe));
    return new Shape(Map.copyOf(next), this.probe);
  }

  /**
   * The shape keeping every path given (each path kept whole below its last key); the empty path
   * keeps all.
   */
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

  /**
   * This shape with {@code inner} added at {@code path}: what is kept there is the union of both.
   */
  public Shape with(List<String> path, Shape inner) {
    if (probe != null || inner.probe != null) {
      throw new IllegalStateException("probes are added last, after the shapes are combined");
    }
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
    if (a.probe != null || b.probe != null) {
      throw new IllegalStateException("probes are added last, after the shapes are combined");
    }
    if (a.all() || b.all()) {
      return ALL;
    }
    Map<String, Shape> out = new HashMap<>(a.fields);
    b.fields.forEach((k, v) -> out.merge(k, v, Shape::union));
    return new Shape(Map.copyOf(out));
  }

  @Override
  public String toString() {
    return (fields == null ? "*" : new java.util.TreeMap<>(fields).toString())
        + (probe == null ? "" : " probed");
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
