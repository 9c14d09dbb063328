package dev.pagewalk.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered list of HTTP header fields with case-insensitive lookup. Names keep the
 * spelling they were given; {@link #toLowerCaseMap()} is what expressions see as {@code headers}.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(List.of());
  private final List<Map.Entry<String, String>> fields;

  private Headers(List<Map.Entry<String, String>> fields) {
    this.fields = fields;
  }

  public static Headers empty() {
    return EMPTY;
  }

  public static Headers of(List<Map.Entry<String, String>> fields) {
    List<Map.Entry<String, String>> copy = new ArrayList<>(fields.size());
    for (Map.Entry<String, String> f : fields) {
      copy.add(Map.entry(f.getKey(), f.getValue()));
    }
    return new Headers(Collections.unmodifiableList(copy));
  }

  public List<Map.Entry<String, String>> fields() {
    return fields;
  }

  public Optional<String> first(String name) {
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equalsIgnoreCase(name)) {
        return Optional.of(f.getValue());
      }
    }
    return Optional.empty();
  }

  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equalsIgnoreCase(name)) {
        values.add(f.getValue());
      }
    }
    return values;
  }

  /** A copy without the named fields (case-insensitive). */
  public Headers without(java.util.Collection<String> names) {
    List<Map.Entry<String, String>> kept = new ArrayList<>();
    for (Map.Entry<String, String> f : fields) {
      boolean drop = names.stream().anyMatch(n -> n.equalsIgnoreCase(f.getKey()));
      if (!drop) {
        kept.add(f);
      }
    }
    return new Headers(Collections.unmodifiableList(kept));
  }

  /** Lower-case names; repeated fields joined with ", " as RFC 9110 allows. */
  public Map<String, Object> toLowerCaseMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : fields) {
      String key = f.getKey().toLowerCase(Locale.ROOT);
      map.merge(key, f.getValue(), (a, b) -> a + ", " + b);
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers h && h.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
