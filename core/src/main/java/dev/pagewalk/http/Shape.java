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
 * array is then a {@link ProbedList} holding the results. A shape may also say that the elements of
 * an array found there are <em>records kept as sent</em> ({@link #asSentItems}): each is decoded
 * only to the shape, for the expressions that read it, while its bytes stay in the body, from which
 * the whole record is decoded when something needs it ({@link ProbedList#keepCanonical}).
 * Immutable.
 */
public final class Shape {
  /** Keep everything. */
  public static final Shape ALL = new Shape(null);

  /** Keep nothing of an object (its fields are all skipped); elements of an array likewise. */
  public static final Shape NOTHING = new Shape(Map.of());

  private final Map<String, Shape> fields;
  private final ElementProbe probe;
  private final boolean sentItems;
  private final Shape elements;

  /**
   * Field names are interned, like the names the decoder's parser returns, so the lookup done for
   * every field of every object matches by identity; a HashMap, because it checks identity first.
   */
  private Shape(Map<String, Shape> fields) {
    this(fields, null, false);
  }

  private Shape(Map<String, Shape> fields, ElementProbe probe, boolean sentItems) {
    this.probe = probe;
    this.sentItems = sentItems;
    if (fields == null) {
      this.fields = null;
    } else {
      Map<String, Shape> interned = new HashMap<>();
      fields.forEach((k, v) -> interned.put(k.intern(), v));
      this.fields = interned;
    }
    this.elements =
        probe == null && !sentItems
            ? this
            : fields == null ? ALL : new Shape(this.fields, null, false);
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
   * Whether the elements of an array found here are records kept as sent (see {@link
   * #asSentItems}).
   */
  boolean sentItems() {
    return sentItems;
  }

  /**
   * This shape for an array of records whose value is each element whole (the spec's {@code output}
   * is the item), this shape being what expressions read of each: a probed array found here keeps
   * each object's bytes and decodes it only to this shape, and the record is the object whole,
   * decoded from its bytes when first needed; where the decoder keeps no bytes, or the array is not
   * probed, each element is decoded whole. {@link #ALL} stays as it is.
   */
  public Shape asSentItems() {
    return all() ? this : new Shape(fields, probe, true);
  }

  /**
   * This shape with the elements of every array of records kept as sent decoded whole instead: what
   * {@link #asSentItems} stands in for.
   */
  public Shape wholeItems() {
    if (sentItems) {
      return new Shape(null, probe, false);
    }
    if (fields == null) {
      return this;
    }
    Map<String, Shape> next = new HashMap<>();
    boolean changed = false;
    for (Map.Entry<String, Shape> e : fields.entrySet()) {
      Shape whole = e.getValue().wholeItems();
      changed |= whole != e.getValue();
      next.put(e.getKey(), whole);
    }
    return changed ? new Shape(Map.copyOf(next), probe, false) : this;
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
      return new Shape(fields, probe, sentItems);
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
    return new Shape(Map.copyOf(next), this.probe, sentItems);
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
    return new Shape(Map.copyOf(next), null, sentItems);
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
    return new Shape(Map.copyOf(out), null, a.sentItems || b.sentItems);
  }

  @Override
  public String toString() {
    return (fields == null ? "*" : new java.util.TreeMap<>(fields).toString())
        + (probe == null ? "" : " probed")
        + (sentItems ? " as sent" : "");
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
