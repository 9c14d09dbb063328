package dev.pagewalk.conformance;

import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@link RunResult} fields by name for the {@code expect.result} block: every count of its
 * {@link RunStats} ({@code retries}, {@code pages}, {@code recordsFiltered}, ...) plus {@code
 * truncated} and {@code succeeded}.
 */
final class ResultFields {
  private ResultFields() {}

  static Map<String, Object> of(RunResult r) {
    Map<String, Object> out = new TreeMap<>();
    for (RecordComponent c : RunStats.class.getRecordComponents()) {
      Class<?> t = c.getType();
      if (t == long.class || t == int.class) {
        try {
          out.put(c.getName(), c.getAccessor().invoke(r.stats()));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    out.put("truncated", r.truncated());
    out.put("succeeded", r.succeeded());
    return out;
  }

  /** One line per field whose value differs from the expectation, or that does not exist. */
  static List<String> check(Map<String, Object> expected, RunResult r) {
    Map<String, Object> actual = of(r);
    List<String> out = new ArrayList<>();
    new TreeMap<>(expected)
        .forEach(
            (name, want) -> {
              if (!actual.containsKey(name)) {
                out.add(
                    "result."
                        + name
                        + ": no such field; known: "
                        + String.join(", ", actual.keySet()));
              } else if (!JsonValues.same(want, actual.get(name))) {
                out.add("result." + name + ": expected " + want + ", got " + actual.get(name));
              }
            });
    return out;
  }
}
