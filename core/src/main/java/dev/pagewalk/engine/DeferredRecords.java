package dev.pagewalk.engine;

import dev.pagewalk.OutputRecord;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A page's records whose values are built when each is read — right before the sink writes it —
 * from the saved item, by an {@code output} that only reads paths of the item and so cannot fail.
 * The page is still checked whole before anything is delivered (keys, order, limits); only the
 * building of each value moves next to its writing, where the new map is still in the CPU cache
 * instead of being built for the whole page first and read back cold. Each {@link #get} builds
 * a new value; read the keys with {@link #key}.
 */
final class DeferredRecords extends AbstractList<OutputRecord> implements RandomAccess {
  private final Object[] keys;
  private final Object[] items;
  private final int size;
  private final long page;
  private final Function<Object, Object> output;

  DeferredRecords(Object[] keys, Object[] items, int size, long page, Function<Object, Object> output) {
    this.keys = keys;
    this.items = items;
    this.size = size;
    this.page = page;
    this.output = output;
  }

  @Override
  public OutputRecord get(int index) {
    java.util.Objects.checkIndex(index, size);
    return new OutputRecord(keys[index], output.apply(items[index]), page);
  }

  @Override
  public int size() {
    return size;
  }

  /** The key of record {@code index}, without building its value. */
  Object key(int index) {
    java.util.Objects.checkIndex(index, size);
    return keys[index];
  }

  /** The records whose {@code keep} flag is set, still deferred. */
  DeferredRecords keep(boolean[] keep) {
    Object[] k = new Object[size];
    Object[] v = new Object[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (keep[i]) {
        k[n] = keys[i];
        v[n] = items[i];
        n++;
      }
    }
    return new DeferredRecords(k, v, n, page, output);
  }

  /** The key of record {@code index} of any page's records. */
  static Object keyAt(List<OutputRecord> records, int index) {
    return records instanceof DeferredRecords d ? d.key(index) : records.get(index).key();
  }
}
