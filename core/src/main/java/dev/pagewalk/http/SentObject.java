package dev.pagewalk.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A record that is an object of a response exactly as sent (the spec's {@code output} is the item),
 * kept as its bytes in the body and decoded whole from them when something first reads it: a sink
 * that copies the bytes ({@link dev.pagewalk.json.RawJson}) never does, a sink that encodes maps, a
 * database or a child walk does, and sees the map that decoding the item whole in place gives (a
 * LinkedHashMap, which every read and change then goes to). Thread-safe decoding; a decoding that
 * fails (a decode budget spent) throws an {@link UncheckedIOException} from the read.
 */
final class SentObject extends AbstractMap<String, Object> {
  private final ItemBytes source;
  private final byte[] body;
  private final int from;
  private final int to;
  private volatile Map<String, Object> whole;

  SentObject(ItemBytes source, byte[] body, int from, int to) {
    this.source = source;
    this.body = body;
    this.from = from;
    this.to = to;
  }

  /** Whether the object has been decoded (something read it). */
  boolean decoded() {
    return whole != null;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> whole() {
    Map<String, Object> m = whole;
    if (m == null) {
      synchronized (this) {
        m = whole;
        if (m == null) {
          try {
            m = (Map<String, Object>) source.decode(body, from, to);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a record: " + e.getMessage(), e);
          }
          whole = m;
        }
      }
    }
    return m;
  }

  @Override
  public Object get(Object key) {
    return whole().get(key);
  }

  @Override
  public Object getOrDefault(Object key, Object defaultValue) {
    return whole().getOrDefault(key, defaultValue);
  }

  @Override
  public boolean containsKey(Object key) {
    return whole().containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return whole().containsValue(value);
  }

  @Override
  public int size() {
    return whole().size();
  }

  @Override
  public boolean isEmpty() {
    return whole().isEmpty();
  }

  @Override
  public Object put(String key, Object value) {
    return whole().put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return whole().remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    whole().putAll(m);
  }

  @Override
  public void clear() {
    whole().clear();
  }

  @Override
  public Set<String> keySet() {
    return whole().keySet();
  }

  @Override
  public Collection<Object> values() {
    return whole().values();
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return whole().entrySet();
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    whole().forEach(action);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || whole().equals(o);
  }

  @Override
  public int hashCode() {
    return whole().hashCode();
  }

  @Override
  public String toString() {
    return whole().toString();
  }
}
