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

  /** A response's decoding shape and the probe in it (null when the plan's key is not probed). */
  record Decoding(Shape shape, KeyProbe probe) {}

  static Decoding decoding(ResponsePlan plan) {
    Function<Object, Object> key = plan.key() == null ? null : plan.key().asFunctionOf("item");
    List<String> at = plan.iterate() == null ? null : Reads.memberPath(plan.iterate(), "body");
    if (key == null || at == null) {
      return new Decoding(plan.bodyShape(), null);
    }
    KeyProbe probe = new KeyProbe(key);
    Shape shape = plan.bodyShape().withProbe(at, probe);
    return new Decoding(shape, shape == plan.bodyShape() ? null : probe);
  }

  @Override
  public Object probe(Object item) {
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
