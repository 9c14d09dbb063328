package dev.pagewalk.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A decoded JSON array whose elements an {@link ElementProbe} saw as each was decoded; otherwise an
 * ordinary list. The results are only trusted while the list is as decoded: any change to it drops
 * them ({@link #probes} then answers null), so a caller that finds none simply computes the values
 * itself.
 */
public final class ProbedList extends ArrayList<Object> {
  private final transient ElementProbe probe;
  private transient Object[] values = new Object[16];
  private transient long[] marks = new long[16];
  private transient boolean valid = true;
  private transient int decodedMod;

  /** The probe's values and marks, by element index (arrays may be longer than the list). */
  public record Probes(Object[] values, long[] marks) {}

  ProbedList(ElementProbe probe) {
    this.probe = probe;
  }

  /** Appends a decoded element with the probe's value and mark for it. */
  void addProbed(Object element) {
    int i = size();
    if (i == values.length) {
      values = Arrays.copyOf(values, i * 2);
      marks = Arrays.copyOf(marks, i * 2);
    }
    Object v = probe.probe(element);
    values[i] = v;
    marks[i] = probe.mark(v);
    super.add(element);
    decodedMod = modCount;
  }

  /**
   * What the probe found for each element, when {@code expected} is the probe that was applied and
   * the list is unchanged since it was decoded; otherwise null.
   */
  public Probes probes(ElementProbe expected) {
    return expected == probe && valid && decodedMod == modCount ? new Probes(values, marks) : null;
  }

  @Override
  public Object set(int index, Object element) {
    valid = false;
    return super.set(index, element);
  }

  @Override
  public void replaceAll(UnaryOperator<Object> operator) {
    valid = false;
    super.replaceAll(operator);
  }

  @Override
  public boolean add(Object element) {
    valid = false;
    return super.add(element);
  }

  @Override
  public boolean addAll(Collection<?> c) {
    valid = false;
    return super.addAll(c);
  }

  @Override
  public List<Object> subList(int from, int to) {
    valid = false; // a sub-list writes through to the elements without calling set
    return super.subList(from, to);
  }
}
