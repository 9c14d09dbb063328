package dev.pagewalk.http;

import dev.pagewalk.json.CanonicalJson;
import dev.pagewalk.json.RawJson;
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
  private transient int[] starts = new int[16];
  private transient int[] ends = new int[16];
  private transient RawJson[] json;
  private transient boolean valid = true;
  private transient int decodedMod;

  /**
   * The probe's values and marks, by element index (arrays may be longer than the list), and each
   * element's JSON as sent where {@link #keepCanonical} found it canonical (null when not asked).
   */
  public record Probes(Object[] values, long[] marks, RawJson[] json) {}

  ProbedList(ElementProbe probe) {
    this.probe = probe;
  }

  /**
   * Appends a decoded element with the probe's value and mark for it, and the byte range {@code
   * [from, to)} of the body it was decoded from (-1 when unknown).
   */
  void addProbed(Object element, long from, long to) {
    int i = size();
    if (i == values.length) {
      values = Arrays.copyOf(values, i * 2);
      marks = Arrays.copyOf(marks, i * 2);
      starts = Arrays.copyOf(starts, i * 2);
      ends = Arrays.copyOf(ends, i * 2);
    }
    Object v = probe.probe(element);
    values[i] = v;
    marks[i] = probe.mark(v);
    boolean known = from >= 0 && to > from && to <= Integer.MAX_VALUE;
    starts[i] = known ? (int) from : -1;
    ends[i] = known ? (int) to : -1;
    super.add(element);
    decodedMod = modCount;
  }

  /**
   * Keeps, for each element whose byte range is known, its JSON in {@code body} (the body it was
   * decoded from) when that is {@link CanonicalJson canonical}: what {@link #probes} then returns
   * as each element's JSON.
   */
  public void keepCanonical(byte[] body) {
    RawJson[] found = new RawJson[size()];
    for (int i = 0; i < found.length; i++) {
      int from = starts[i];
      int to = ends[i];
      if (from >= 0 && CanonicalJson.isCanonical(body, from, to)) {
        found[i] = new RawJson(body, from, to);
      }
    }
    json = found;
  }

  /**
   * What the probe found for each element, when {@code expected} is the probe that was applied and
   * the list is unchanged since it was decoded; otherwise null.
   */
  public Probes probes(ElementProbe expected) {
    return expected == probe && valid && decodedMod == modCount
        ? new Probes(values, marks, json)
        : null;
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
