package dev.pagewalk.http;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A decoded JSON object of a few fields, as two arrays: the names (interned, and shared with the
 * records before it that had the same fields in the same order) and the values. The shaped decoder
 * builds one for each object of an array it decodes only in part — a page's records — in place of a
 * LinkedHashMap: one small array per record instead of a table and a node per field, and a lookup
 * that compares the interned name by identity. Immutable, in the order decoded, with no repeated
 * names; equal to any map with the same entries.
 */
final class FieldMap extends AbstractMap<String, Object> {
  private final String[] names;
  private final Object[] values;
  private final int size;

  FieldMap(String[] names, Object[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (names[i] == key) {
        return i;
      }
    }
    if (key instanceof String) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(key)) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
