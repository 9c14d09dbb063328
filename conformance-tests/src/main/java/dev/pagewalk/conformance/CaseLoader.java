package dev.pagewalk.conformance;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.plan.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
      Set.of(
          "description",
          "spec",
          "specInline",
          "parameters",
          "connection",
          "limits",
          "liveData",
          "expect");
  private static final Set<String> EXPECT =
      Set.of(
          "records",
          "keys",
          "ordered",
          "stopReason",
          "requests",
          "error",
          "errorContains",
          "result",
          "specError",
          "specErrorContains",
          "dataset",
          "idField",
          "report",
          "verdict",
          "streams");
  private static final Set<String> DATASET = Set.of("exact", "mustContain", "missing");
  private static final Set<String> REPORT =
      Set.of(
          "verdict",
          "stopReason",
          "records",
          "requests",
          "pages",
          "waits",
          "reasons",
          "reasonsContain",
          "advice",
          "adviceContains",
          "checks",
          "walks",
          "caveats");
  static final Set<String> VERDICTS = Set.of("COMPLETE", "INCOMPLETE", "UNVERIFIED");
  private static final Set<String> OUTCOMES = Set.of("pass", "fail", "not-applicable");
  private static final Set<String> LIMITS =
      Set.of("maxRequests", "maxPaginationRequests", "maxRecords", "timeout");

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
    LiveDataConfig liveData = liveData(root.get("liveData"), file);
    if (liveData != null && Files.isDirectory(dir.resolve("mappings"))) {
      throw new CaseFormatException(
          file
              + ": give 'liveData' or a mappings/ folder, not both:"
              + " the live-data mock serves the whole API");
    }
    Expectation expect = expectation(optionalMap(root.get("expect"), file, "expect"), dir, file);
    if (expect.dataset() != null && liveData == null) {
      throw new CaseFormatException(
          file
              + ": expect.dataset needs 'liveData': only the live-data"
              + " mock knows which records existed");
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
        liveData,
        expect);
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
        text(m.get("specErrorContains"), file, "expect.specErrorContains"),
        oneOf(m.get("dataset"), DATASET, file, "expect.dataset"),
        text(m.getOrDefault("idField", "id"), file, "expect.idField"),
        m.get("report") == null ? null : report(map(m.get("report"), file, "expect.report"), file),
        oneOf(m.get("verdict"), VERDICTS, file, "expect.verdict"),
        StreamExpectation.read(m.get("streams"), file));
  }

  private static LiveDataConfig liveData(Object v, Path file) {
    if (v == null) {
      return null;
    }
    try {
      return LiveDataConfig.fromMap(map(v, file, "liveData"));
    } catch (IllegalArgumentException e) {
      throw new CaseFormatException(file + ": liveData: " + e.getMessage(), e);
    }
  }

  private static ReportExpectation report(Map<String, Object> m, Path file) {
    keys(m, REPORT, file, "expect.report.");
    Map<String, String> checks = new java.util.LinkedHashMap<>();
    optionalMap(m.get("checks"), file, "expect.report.checks")
        .forEach(
            (name, outcome) ->
                checks.put(name, oneOf(outcome, OUTCOMES, file, "expect.report.checks." + name)));
    return new ReportExpectation(
        oneOf(m.get("verdict"), VERDICTS, file, "expect.report.verdict"),
        text(m.get("stopReason"), file, "expect.report.stopReason"),
        counts(m.get("records"), file, "expect.report.records"),
        counts(m.get("requests"), file, "expect.report.requests"),
        count(m.get("pages"), file, "expect.report.pages"),
        counts(m.get("waits"), file, "expect.report.waits"),
        texts(m.get("reasons"), false, file, "expect.report.reasons"),
        texts(m.get("reasonsContain"), true, file, "expect.report.reasonsContain"),
        texts(m.get("advice"), false, file, "expect.report.advice"),
        texts(m.get("adviceContains"), true, file, "expect.report.adviceContains"),
        checks,
        count(m.get("walks"), file, "expect.report.walks"),
        texts(m.get("caveats"), false, file, "expect.report.caveats"));
  }

  private static Map<String, Long> counts(Object v, Path file, String key) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    optionalMap(v, file, key).forEach((name, n) -> out.put(name, count(n, file, key + "." + name)));
    return out;
  }

  /** A list of texts; with {@code single}, one text alone stands for a list of one. */
  private static List<String> texts(Object v, boolean single, Path file, String key) {
    if (v == null) {
      return null;
    }
    if (single && v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof List<?> list)) {
      throw new CaseFormatException(
          file + ": " + key + " must be a list of texts" + (single ? " or one text" : ""));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(text(list.get(i), file, key + "[" + i + "]"));
    }
    return out;
  }

  static String oneOf(Object v, Set<String> allowed, Path file, String key) {
    String t = text(v, file, key);
    if (t != null && !allowed.contains(t)) {
      throw new CaseFormatException(
          file
              + ": "
              + key
              + " must be one of "
              + String.join(", ", new java.util.TreeSet<>(allowed))
              + ", got '"
              + t
              + "'");
    }
    return t;
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

  static Long count(Object v, Path file, String key) {
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
    try {
      return Durations.parse(String.valueOf(v));
    } catch (IllegalArgumentException e) {
      throw new CaseFormatException(
          file
              + ": limits.timeout must be a duration like 500ms, 5s, 1m or 'unlimited', got '"
              + v
              + "'");
    }
  }

  static void keys(Map<String, Object> m, Set<String> allowed, Path file, String prefix) {
    for (String k : m.keySet()) {
      if (!allowed.contains(k)) {
        throw new CaseFormatException(
            file
                + ": unknown key '"
                + prefix
                + k
                + "'; allowed: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  static Map<String, Object> optionalMap(Object v, Path file, String key) {
    return v == null ? Map.of() : map(v, file, key);
  }

  static Map<String, Object> map(Object v, Path file, String key) {
    if (!(v instanceof Map<?, ?>)) {
      throw new CaseFormatException(file + ": " + key + " must be a map");
    }
    return JsonValues.plainMap(v);
  }

  static String text(Object v, Path file, String key) {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new CaseFormatException(file + ": " + key + " must be text, got '" + v + "'");
  }
}
