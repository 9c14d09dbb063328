package dev.pagewalk.expr;

import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import java.util.Collection;

/**
 * The JSON provider of one {@code jsonpath} evaluation, counting the steps JsonPath takes through
 * the data (tests of a node's kind, lookups, iterations, results added). Past its budget every step
 * fails, so a path whose deep scans ({@code ..}) multiply the work stops early; JsonPath may
 * swallow that failure, so {@link #exhausted()} tells. Not thread-safe: one per evaluation.
 */
final class CountingJsonProvider extends JacksonJsonProvider {
  private final long budget;
  private long steps;

  CountingJsonProvider(long budget) {
    super(Json.MAPPER);
    this.budget = budget;
  }

  long steps() {
    return steps;
  }

  boolean exhausted() {
    return steps > budget;
  }

  private void step(long n) {
    steps += n;
    if (steps > budget) {
      throw new Exhausted();
    }
  }

  @Override
  public boolean isArray(Object obj) {
    step(1);
    return super.isArray(obj);
  }

  @Override
  public boolean isMap(Object obj) {
    step(1);
    return super.isMap(obj);
  }

  @Override
  public Object getArrayIndex(Object obj, int idx) {
    step(1);
    return super.getArrayIndex(obj, idx);
  }

  @Override
  public Object getMapValue(Object obj, String key) {
    step(1);
    return super.getMapValue(obj, key);
  }

  @Override
  public void setArrayIndex(Object array, int index, Object newValue) {
    step(1);
    super.setArrayIndex(array, index, newValue);
  }

  @Override
  public void setProperty(Object obj, Object key, Object value) {
    step(1);
    super.setProperty(obj, key, value);
  }

  @Override
  public Collection<String> getPropertyKeys(Object obj) {
    Collection<String> keys = super.getPropertyKeys(obj);
    step(1 + keys.size());
    return keys;
  }

  @Override
  public Iterable<?> toIterable(Object obj) {
    Iterable<?> items = super.toIterable(obj);
    step(1 + (items instanceof Collection<?> c ? c.size() : 0));
    return items;
  }

  /** Thrown at every step past the budget. */
  static final class Exhausted extends RuntimeException {
    Exhausted() {
      super("step budget exhausted", null, false, false);
    }
  }
}
