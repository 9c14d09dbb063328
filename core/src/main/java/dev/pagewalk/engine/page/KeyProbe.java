package dev.pagewalk.engine.page;

import dev.pagewalk.expr.Reads;
import dev.pagewalk.http.ElementProbe;
import dev.pagewalk.http.Shape;
import dev.pagewalk.plan.ResponsePlan;
import java.util.List;
import java.util.function.Function;

/**
 * Takes each record's key, whether it is missing, and its fingerprint while the decoder still has
 * the item in the CPU cache: when {@code key} only reads a path of the item and {@code iterate} is
 * a path of the body, the response's body shape probes each element of the iterated array as it is
 * decoded. Taken after the whole page is decoded, each item (and its key) must be fetched back from
 * memory. The mark is the key's {@link KeySet#fingerprint}, or 0 when the key is missing; an
 * element whose key cannot be read gives {@link #UNREAD} and is evaluated as usual.
 */
public final class KeyProbe implements ElementProbe {
  /** The value of an element the probe could not read. */
  static final Object UNREAD = new Object();

  private final Function<Object, Object> key;

  private KeyProbe(Function<Object, Object> key) {
    this.key = key;
  }

  /**
   * A response's decoding shape, the probe in it (null when nothing is probed), the path of the
   * probed array in the body ({@code items}, null with no probe), and the shape decoding that
   * array's records whole in place ({@code whole}: the shape itself when it keeps none as sent).
   */
  record Decoding(Shape shape, KeyProbe probe, List<String> items, Shape whole) {}

  /**
   * The plan's body shape, probing the iterated array when the key is a path of the item, or when
   * the output is the item itself (whose JSON as sent is then kept, {@link
   * dev.pagewalk.http.ProbedList#keepCanonical}, and whose records are kept as sent; the probe
   * reads no key when the key is not a path of the item).
   */
  static Decoding decoding(ResponsePlan plan) {
    Function<Object, Object> key = plan.key() == null ? null : plan.key().asFunctionOf("item");
    List<String> at = plan.iterate() == null ? null : Reads.memberPath(plan.iterate(), "body");
    if ((key == null && plan.output() != null) || at == null) {
      return decoded(plan.bodyShape(), null, null);
    }
    KeyProbe probe = new KeyProbe(key);
    Shape shape = plan.bodyShape().withProbe(at, probe);
    return shape == plan.bodyShape()
        ? decoded(shape, null, null)
        : decoded(shape, probe, List.copyOf(at));
  }

  private static Decoding decoded(Shape shape, KeyProbe probe, List<String> items) {
    return new Decoding(shape, probe, items, shape.wholeItems());
  }

  @Override
  public Object probe(Object item) {
    if (key == null) {
      return UNREAD;
    }
    try {
      return key.apply(item);
    } catch (RuntimeException e) {
      return UNREAD;
    }
  }

  @Override
  public long mark(Object key) {
    return key == UNREAD || PageExtractor.isMissing(key) ? 0 : KeySet.fingerprint(key);
  }
}
