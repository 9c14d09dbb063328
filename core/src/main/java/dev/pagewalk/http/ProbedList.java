package dev.pagewalk.http;

import dev.pagewalk.json.CanonicalJson;
import dev.pagewalk.json.RawJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A decoded JSON array whose elements an {@link ElementProbe} saw as each was decoded; otherwise an
 * ordinary list. The results are only trusted while the list is as decoded: any change to it drops
 * them ({@link #probes} then answers null), so a caller that finds none simply computes the values
 * itself. An array of records kept as sent ({@link Shape#asSentItems}) holds objects decoded in
 * part, for expressions, and the records whole beside them ({@link Probes#records}).
 */
public final class ProbedList extends ArrayList<Object> {
  private final transient ElementProbe probe;
  private final transient ItemBytes sent;
  private transient Object[] values = new Object[16];
  private transient long[] marks = new long[16];
  private transient int[] starts = new int[16];
  private transient int[] ends = new int[16];
  private transient byte[] kinds;
  private transient RawJson[] json;
  private transient Object[] records;
  private transient boolean valid = true;
  private transient int decodedMod;

  /** An element decoded whole; its range is known when it could be copied. */
  private static final byte WHOLE = 0;

  /** An object decoded in part, its range known, with no field name twice. */
  private static final byte PART = 1;

  /** An object decoded in part, its range known, repeating a field name. */
  private static final byte PART_REPEATING = 2;

  /**
   * The probe's values and marks, by element index (arrays may be longer than the list); each
   * element's JSON as sent where {@link #keepCanonical} found it canonical (null when not asked);
   * and, for an array of records kept as sent, each element's record: the element when it was
   * decoded whole, else the object whole ({@link SentObject} when its JSON is canonical), null when
   * the array holds no element decoded in part.
   */
  public record Probes(Object[] values, long[] marks, RawJson[] json, Object[] records) {}

  ProbedList(ElementProbe probe) {
    this(probe, null);
  }

  /**
   * A list whose objects may be decoded in part, their records decoded whole from the body by
   * {@code sent} (null: every element is decoded whole).
   */
  ProbedList(ElementProbe probe, ItemBytes sent) {
    this.probe = probe;
    this.sent = sent;
  }

  /** Whether objects of this list are decoded in part, the records kept as sent. */
  boolean keepsSent() {
    return sent != null;
  }

  /**
   * Appends a decoded element with the probe's value and mark for it, and the byte range {@code
   * [from, to)} of the body it was decoded from (-1 when unknown).
   */
  void addProbed(Object element, long from, long to) {
    add(element, from, to, WHOLE);
  }

  /**
   * Appends an object decoded in part, of a list {@link #keepsSent keeping records as sent}, with
   * the byte range {@code [from, to)} of the body it was decoded from; {@code repeating} when it
   * repeats a field name, at any depth.
   */
  void addPart(Object element, long from, long to, boolean repeating) {
    if (kinds == null) {
      kinds = new byte[values.length];
    }
    add(element, from, to, repeating ? PART_REPEATING : PART);
  }

  private void add(Object element, long from, long to, byte kind) {
    int i = size();
    if (i == values.length) {
      values = Arrays.copyOf(values, i * 2);
      marks = Arrays.copyOf(marks, i * 2);
      starts = Arrays.copyOf(starts, i * 2);
      ends = Arrays.copyOf(ends, i * 2);
      if (kinds != null) {
        kinds = Arrays.copyOf(kinds, i * 2);
      }
    }
    if (kinds != null) {
      kinds[i] = kind;
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
   * as each element's JSON. Of a list keeping records as sent, also makes each element's record: an
   * object decoded in part whose JSON is canonical becomes a {@link SentObject} over its bytes, any
   * other is decoded whole from them now.
   *
   * @return how many elements' JSON is canonical
   * @throws IOException when an object cannot be decoded whole (a decode budget spent): the body
   *     decoded whole in place gives the error as it is
   */
  public int keepCanonical(byte[] body) throws IOException {
    RawJson[] found = new RawJson[size()];
    Object[] whole = kinds == null ? null : new Object[found.length];
    int canonical = 0;
    for (int i = 0; i < found.length; i++) {
      int from = starts[i];
      int to = ends[i];
      byte kind = kinds == null ? WHOLE : kinds[i];
      if (from >= 0 && kind != PART_REPEATING && CanonicalJson.isCanonical(body, from, to)) {
        found[i] = new RawJson(body, from, to);
        canonical++;
      }
      if (whole != null) {
        if (kind != WHOLE && from < 0) {
          throw new IOException("the bytes of an item decoded in part are not known");
        }
        whole[i] =
            kind == WHOLE
                ? get(i)
                : found[i] != null
                    ? new SentObject(sent, body, from, to)
                    : sent.decode(body, from, to);
      }
    }
    json = found;
    records = whole;
    return canonical;
  }

  /**
   * What the probe found for each element, when {@code expected} is the probe that was applied and
   * the list is unchanged since it was decoded; otherwise null.
   */
  public Probes probes(ElementProbe expected) {
    return expected == probe && valid && decodedMod == modCount
        ? new Probes(values, marks, json, records)
        : null;
  }

  /**
   * Whether some element is an object decoded in part, whose record must be read from {@link
   * #probes}.
   */
  public boolean holdsParts() {
    return kinds != null;
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
