package dev.pagewalk.json;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list of values with the {@link RawJson JSON as sent} of those that have it: what
 * a page of records becomes once each is built, so that the JSON travels with it to the sink.
 *
 * @param <T> the values
 */
public final class RawJsonList<T> extends AbstractList<T> implements RandomAccess, RawJsonRecords {
  private final List<T> values;
  private final RawJson[] json;

  private RawJsonList(List<T> values, RawJson[] json) {
    this.values = values;
    this.json = json;
  }

  /**
   * {@code values} copied, with {@code json[i]} the JSON as sent of value {@code i} (null where it
   * must be encoded); the array is not copied, and is never written to.
   */
  public static <T> RawJsonList<T> of(List<T> values, RawJson[] json) {
    List<T> copy = List.copyOf(values);
    if (json.length < copy.size()) {
      throw new IllegalArgumentException(
          "JSON for " + json.length + " of " + copy.size() + " values");
    }
    return new RawJsonList<>(copy, json);
  }

  @Override
  public T get(int index) {
    return values.get(index);
  }

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public RawJson rawJson(int index) {
    Objects.checkIndex(index, values.size());
    return json[index];
  }
}
