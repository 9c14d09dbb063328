package dev.pagewalk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/spec-reference.md} in step with the schema and the expression language: every
 * property name the schema declares, at any depth, must be mentioned in the reference as code (a
 * {@code `code span`} or a YAML key in a fenced block), and the reference's function tables must
 * list exactly the built-ins registered in core's {@code Functions.java} (read as text: core is
 * built after this module).
 */
class SpecReferenceCoversSchemaTest {
  private static final String SCHEMA = "/dev/pagewalk/schema/pagewalk-spec-v1.schema.json";
  private static final Path REFERENCE = Path.of("docs", "spec-reference.md");
  private static final Path FUNCTIONS =
      Path.of("core", "src", "main", "java", "dev", "pagewalk", "expr", "Functions.java");

  /** A function-table row: {@code | `name(args)` | meaning | example | result |}. */
  private static final Pattern FUNCTION_ROW = Pattern.compile("^\\|\\s*`([A-Za-z][A-Za-z0-9]*)\\(");

  /** {@code add("name", ...)} or {@code ALL.put("name", ...)} in Functions.java. */
  private static final Pattern REGISTRATION =
      Pattern.compile("(?:\\badd|\\bALL\\.put)\\(\\s*\"([A-Za-z][A-Za-z0-9]*)\"");

  @Test
  void mentionsEverySchemaPropertyAsCode() throws IOException {
    JsonNode schema = schema();
    Map<String, String> keys = new LinkedHashMap<>();
    walk(schema, schema, "", keys, new HashSet<>());
    assertThat(keys)
        .as("the walk found the schema's properties")
        .containsKeys(
            "request.pagination.mergeWithParent",
            "retry.backoff.jitter",
            "requests.response.iterate.container");

    String doc = reference();
    List<String> missing = new ArrayList<>();
    keys.forEach(
        (path, name) -> {
          if (!mentionedAsCode(doc, name)) {
            missing.add(path);
          }
        });
    assertThat(missing)
        .as("schema keys that docs/spec-reference.md never mentions as `code`")
        .isEmpty();
  }

  @Test
  void functionTablesListExactlyTheBuiltIns() throws IOException {
    Set<String> registered = new TreeSet<>();
    Matcher m = REGISTRATION.matcher(Files.readString(repoRoot().resolve(FUNCTIONS)));
    while (m.find()) {
      registered.add(m.group(1));
    }
    assertThat(registered)
        .as("built-ins parsed from Functions.java")
        .contains("get", "jsonpath", "hash");

    Set<String> documented = new TreeSet<>();
    for (String line : reference().split("\n")) {
      Matcher row = FUNCTION_ROW.matcher(line);
      if (row.find()) {
        documented.add(row.group(1));
      }
    }
    Set<String> undocumented = new TreeSet<>(registered);
    undocumented.removeAll(documented);
    Set<String> unknown = new TreeSet<>(documented);
    unknown.removeAll(registered);
    assertThat(undocumented)
        .as("built-in functions missing from the reference's function tables")
        .isEmpty();
    assertThat(unknown)
        .as("functions in the reference's tables that core does not register")
        .isEmpty();
  }

  /**
   * Collects {@code path -> property name} for every property reachable from {@code node},
   * following {@code $ref}s into {@code $defs} (once per definition and path, so recursion ends).
   */
  private static void walk(
      JsonNode root, JsonNode node, String path, Map<String, String> out, Set<String> seen) {
    if (node == null || !node.isObject()) {
      if (node != null && node.isArray()) {
        node.forEach(n -> walk(root, n, path, out, seen));
      }
      return;
    }
    JsonNode ref = node.get("$ref");
    if (ref != null && ref.asText().startsWith("#/$defs/")) {
      String def = ref.asText();
      if (seen.add(path + "|" + def)) {
        walk(root, root.at(def.substring(1)), path, out, seen);
      }
    }
    JsonNode properties = node.get("properties");
    if (properties != null) {
      Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        out.putIfAbsent(child, e.getKey());
        walk(root, e.getValue(), child, out, seen);
      }
    }
    for (String nested :
        List.of("items", "oneOf", "anyOf", "allOf", "additionalProperties", "patternProperties")) {
      JsonNode n = node.get(nested);
      if (n == null) {
        continue;
      }
      if (nested.equals("patternProperties")) {
        n.fields().forEachRemaining(e -> walk(root, e.getValue(), path + ".<status>", out, seen));
      } else if (nested.equals("additionalProperties")) {
        walk(root, n, path + ".<name>", out, seen);
      } else {
        walk(root, n, path, out, seen);
      }
    }
  }

  /** In a `code span` as a whole word, or as a YAML key ({@code name:}) at the start of a line. */
  static boolean mentionedAsCode(String doc, String name) {
    String word = "(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])";
    return Pattern.compile("`[^`\\n]*" + word + "[^`\\n]*`").matcher(doc).find()
        || Pattern.compile("(?m)^\\s*(?:-\\s+)?\"?" + Pattern.quote(name) + "\"?\\s*:")
            .matcher(doc)
            .find();
  }

  private static JsonNode schema() throws IOException {
    try (InputStream in = SpecReferenceCoversSchemaTest.class.getResourceAsStream(SCHEMA)) {
      assertThat(in).as(SCHEMA).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  private static String reference() throws IOException {
    return Files.readString(repoRoot().resolve(REFERENCE), StandardCharsets.UTF_8);
  }

  /** The nearest folder, from the module's working directory up, that holds {@code docs/}. */
  private static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new AssertionError("no docs/ folder above " + Path.of("").toAbsolutePath());
  }
}
