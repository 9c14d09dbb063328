package dev.pagewalk.engine.page;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.json.RawJsonList;
import dev.pagewalk.json.RawJsonRecords;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A page's records: each key, and what its value is built from. When {@code output} only reads
 * paths of the item (so it cannot fail), the saved value is the item and the output is applied as
 * each record is read — right before the sink writes it, while the new map is still in the CPU
 * cache, instead of for the whole page first and read back cold. Otherwise the saved value is the
 * finished value and nothing is applied. Either way the page is checked whole (keys, order, limits)
 * before anything is delivered. Each {@link #get} builds a new record; read keys with {@link #key}.
 * When the output is the item, a record may also hold the item's JSON as sent ({@link #rawJson}),
 * which a JSON Lines sink copies instead of encoding the value.
 */
public final class PageRecords extends AbstractList<OutputRecord>
    implements RandomAccess, RawJsonRecords {
  private final Object[] keys;
  private final long[] fingerprints;
  private final Object[] saved;
  private final RawJson[] json;
  private final int size;
  private final long page;
  private final Function<Object, Object> output;

  /**
   * {@code output} turns a saved value into the record's value ({@code Function.identity()} when it
   * is the value); {@code fingerprints} holds each key's {@link KeySet#fingerprint} where it was
   * already taken, and 0 where not; {@code json} holds each value's canonical JSON as sent where it
   * is known (null entries where not, or null for none).
   */
  PageRecords(
      Object[] keys,
      long[] fingerprints,
      Object[] saved,
      RawJson[] json,
      int size,
      long page,
      Function<Object, Object> output) {
    this.keys = keys;
    this.fingerprints = fingerprints;
    this.saved = saved;
    this.json = json;
    this.size = size;
    this.page = page;
    this.output = output;
  }

  @Override
  public OutputRecord get(int index) {
    java.util.Objects.checkIndex(index, size);
    return new OutputRecord(keys[index], output.apply(saved[index]), page);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public RawJson rawJson(int index) {
    java.util.Objects.checkIndex(index, size);
    return json == null ? null : json[index];
  }

  /**
   * {@code records} built once each, as an unmodifiable list; of a page's records, one that still
   * holds their JSON as sent ({@link RawJsonRecords}).
   */
  public static List<OutputRecord> built(List<OutputRecord> records) {
    if (!(records instanceof PageRecords page) || page.json == null) {
      return List.copyOf(records);
    }
    return RawJsonList.of(records, page.json);
  }

  /** The key of record {@code index}, without building its value. */
  Object key(int index) {
    java.util.Objects.checkIndex(index, size);
    return keys[index];
  }

  /** The fingerprint of record {@code index}'s key when it was taken with the key, else 0. */
  long fingerprint(int index) {
    java.util.Objects.checkIndex(index, size);
    return fingerprints[index];
  }

  /** Whether {@code other} holds the same values, in the same order (keys and pages aside). */
  boolean sameValues(PageRecords other) {
    if (other == null || other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!java.util.Objects.equals(saved[i], other.saved[i])) {
        return false;
      }
    }
    return true;
  }

  /** The records whose {@code keep} flag is set. */
  PageRecords keep(boolean[] keep) {
    Object[] k = new Object[size];
    long[] f = new long[size];
    Object[] v = new Object[size];
    RawJson[] j = json == null ? null : new RawJson[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (keep[i]) {
        k[n] = keys[i];
        f[n] = fingerprints[i];
        v[n] = saved[i];
        if (j != null) {
          j[n] = json[i];
        }
        n++;
      }
    }
    return new PageRecords(k, f, v, j, n, page, output);
  }
}
