package dev.pagewalk.conformance;

import dev.pagewalk.LimitOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a case folder's {@code case.yaml} strictly: unknown keys, wrong types and a missing or
 * doubled spec are {@link CaseFormatException}s naming the file and the key, so a typo in a case
 * can never silently turn a check off. The format is documented in the module's README.
 */
public final class CaseLoader {
  static final String CASE_FILE = "case.yaml";
  private static final Set<String> TOP =
      Set.of("description", "spec", "specInline", "parameters", "connection", "limits", "expect");
  private static final Set<String> EXPECT =
      Set.of("records", "keys", "ordered", "stopReason", "requests", "error", "errorContains", "result",
          "specError", "specErrorContains");
  private static final Set<String> LIMITS =
      Set.of("maxRequests", "maxPaginationRequests", "maxRecords", "timeout");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private CaseLoader() {}

  /** Loads the case in {@code dir}, naming it {@code name}. */
  public static ConformanceCase load(Path dir, String name) {
    Path file = dir.resolve(CASE_FILE);
    Map<String, Object> root = map(read(file), file, "(top level)");
    keys(root, TOP, file, "");
    Object spec = root.get("spec");
    Object inline = root.get("specInline");
    if ((spec == null) == (inline == null)) {
      throw new CaseFormatException(file + ": give exactly one of 'spec' (a path) or 'specInline'");
    }
    return new ConformanceCase(
        name,
        dir,
        text(root.get("description"), file, "description"),
        spec == null ? null : dir.resolve(text(spec, file, "spec")).normalize(),
        inline == null ? null : text(inline, file, "specInline"),
        optionalMap(root.get("parameters"), file, "parameters"),
        optionalMap(root.get("connection"), file, "connection"),
        limits(optionalMap(root.get("limits"), file, "limits"), file),
        expectation(optionalMap(root.get("expect"), file, "expect"), dir, file));
  }

  private static Object read(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    try {
      return new Yaml(new SafeConstructor(options)).load(Files.readString(file));
    } catch (IOException e) {
      throw new CaseFormatException(file + ": cannot read: " + e.getMessage(), e);
    } catch (YAMLException e) {
      throw new CaseFormatException(file + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  private static Expectation expectation(Map<String, Object> m, Path dir, Path file) {
    keys(m, EXPECT, file, "expect.");
    Object ordered = m.getOrDefault("ordered", Boolean.TRUE);
    if (!(ordered instanceof Boolean)) {
      throw new CaseFormatException(file + ": expect.ordered must be true or false");
    }
    String records = text(m.get("records"), file, "expect.records");
    String keys = text(m.get("keys"), file, "expect.keys");
    return new Expectation(
        records == null ? null : dir.resolve(records).normalize(),
        keys == null ? null : dir.resolve(keys).normalize(),
        (Boolean) ordered,
        text(m.get("stopReason"), file, "expect.stopReason"),
        count(m.get("requests"), file, "expect.requests"),
        text(m.get("error"), file, "expect.error"),
        text(m.get("errorContains"), file, "expect.errorContains"),
        optionalMap(m.get("result"), file, "expect.result"),
        text(m.get("specError"), file, "expect.specError"),
        text(m.get("specErrorContains"), file, "expect.specErrorContains"));
  }

  private static LimitOverrides limits(Map<String, Object> m, Path file) {
    keys(m, LIMITS, file, "limits.");
    return new LimitOverrides(
        cap(m.get("maxRequests"), file, "limits.maxRequests"),
        cap(m.get("maxPaginationRequests"), file, "limits.maxPaginationRequests"),
        cap(m.get("maxRecords"), file, "limits.maxRecords"),
        timeout(m.get("timeout"), file));
  }

  private static Long cap(Object v, Path file, String key) {
    return "unlimited".equals(v) ? Long.valueOf(LimitOverrides.UNLIMITED) : count(v, file, key);
  }

  private static Long count(Object v, Path file, String key) {
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw new CaseFormatException(file + ": " + key + " must be a whole number, got '" + v + "'");
  }

  private static Duration timeout(Object v, Path file) {
    if (v == null) {
      return null;
    }
    if ("unlimited".equals(v)) {
      return LimitOverrides.NO_TIMEOUT;
    }
    Matcher d = DURATION.matcher(String.valueOf(v).trim());
    if (!d.matches()) {
      throw new CaseFormatException(
          file + ": limits.timeout must be a duration like 500ms, 5s, 1m or 'unlimited', got '"
              + v + "'");
    }
    long n = Long.parseLong(d.group(1));
    return switch (d.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static void keys(Map<String, Object> m, Set<String> allowed, Path file, String prefix) {
    for (String k : m.keySet()) {
      if (!allowed.contains(k)) {
        throw new CaseFormatException(
            file + ": unknown key '" + prefix + k + "'; allowed: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private static Map<String, Object> optionalMap(Object v, Path file, String key) {
    return v == null ? Map.of() : map(v, file, key);
  }

  private static Map<String, Object> map(Object v, Path file, String key) {
    if (!(v instanceof Map<?, ?>)) {
      throw new CaseFormatException(file + ": " + key + " must be a map");
    }
    return JsonValues.plainMap(v);
  }

  private static String text(Object v, Path file, String key) {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new CaseFormatException(file + ": " + key + " must be text, got '" + v + "'");
  }
}
