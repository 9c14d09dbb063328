package dev.pagewalk.conformance.livedata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Typed access to one map of a parsed config, with errors that name the key's path. */
final class MapNode {
  private final String path;
  private final Map<String, ?> map;

  MapNode(String path, Map<String, ?> map, Set<String> allowed) {
    this.path = path;
    this.map = map;
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw error(key, "unknown key, expected one of " + allowed.stream().sorted().toList());
      }
    }
  }

  boolean has(String key) {
    return map.get(key) != null;
  }

  String string(String key) {
    Object value = map.get(key);
    if (!(value instanceof String s)) {
      throw error(key, "expected a string but got " + describe(value));
    }
    return s;
  }

  String stringOr(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  /** A string or number, as text (YAML reads {@code retryAfter: 2} as a number). */
  String scalarText(String key) {
    Object value = map.get(key);
    if (value instanceof String || value instanceof Number) {
      return value.toString();
    }
    throw error(key, "expected a string or number but got " + describe(value));
  }

  <T> T parse(String key, Function<String, T> parser) {
    try {
      return parser.apply(string(key));
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  long longOr(String key, long fallback) {
    return has(key) ? number(key) : fallback;
  }

  int intOr(String key, int fallback) {
    return has(key) ? Math.toIntExact(number(key)) : fallback;
  }

  int requiredInt(String key) {
    if (!has(key)) {
      throw error(key, "is required");
    }
    return Math.toIntExact(number(key));
  }

  boolean boolOr(String key, boolean fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw error(key, "expected true or false but got " + describe(value));
    }
    return b;
  }

  /** The one key of {@code kinds} present; an error when none or several are. */
  String exactlyOne(Set<String> kinds) {
    List<String> present = kinds.stream().filter(map::containsKey).sorted().toList();
    if (present.size() != 1) {
      throw new IllegalArgumentException(
          where()
              + "expected exactly one of "
              + kinds.stream().sorted().toList()
              + " but got "
              + present);
    }
    return present.get(0);
  }

  List<Long> ids(String key, IdType idType) {
    Object value = map.get(key);
    if (!(value instanceof List<?> list)) {
      throw error(key, "expected a list of ids but got " + describe(value));
    }
    List<Long> ids = new ArrayList<>();
    for (Object id : list) {
      try {
        ids.add(id instanceof Number n ? n.longValue() : idType.parse(String.valueOf(id)));
      } catch (IllegalArgumentException e) {
        throw error(key, e.getMessage());
      }
    }
    return ids;
  }

  /** A list of whole numbers, or one number standing for a list of one. */
  List<Integer> counts(String key) {
    Object value = map.get(key);
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    List<Integer> out = new ArrayList<>();
    for (Object n : list) {
      if (!(n instanceof Integer i)) {
        throw error(key, "expected a whole number or a list of them but got " + describe(value));
      }
      out.add(i);
    }
    return out;
  }

  MapNode map(String key, Set<String> allowed) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    return new MapNode(path + key + ".", asMap(key, value), allowed);
  }

  List<MapNode> list(String key, Set<String> allowed) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw error(key, "expected a list but got " + describe(value));
    }
    List<MapNode> nodes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String item = key + "[" + i + "]";
      nodes.add(new MapNode(path + item + ".", asMap(item, list.get(i)), allowed));
    }
    return nodes;
  }

  private long number(String key) {
    Object value = map.get(key);
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    throw error(key, "expected an integer but got " + describe(value));
  }

  @SuppressWarnings("unchecked")
  private Map<String, ?> asMap(String key, Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw error(key, "expected a map but got " + describe(value));
    }
    return (Map<String, ?>) value;
  }

  private IllegalArgumentException error(String key, String reason) {
    return new IllegalArgumentException("live-data config: " + path + key + ": " + reason);
  }

  private String where() {
    return "live-data config: "
        + (path.isEmpty() ? "" : path.substring(0, path.length() - 1) + ": ");
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }
}
