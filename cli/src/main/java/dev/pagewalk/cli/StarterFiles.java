package dev.pagewalk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The files {@code pagewalk init NAME} writes, by path relative to the new folder: the starter spec
 * and one conformance case that passes against it. Text comes from the {@code starter/} resources
 * with {@code __NAME__} and {@code __ENV__} (an environment variable name) filled in.
 */
final class StarterFiles {
  private StarterFiles() {}

  static Map<String, String> forName(String name) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(name + ".yaml", fill("spec.yaml", name));
    files.put("cases/basic/case.yaml", fill("case.yaml", name));
    files.put("cases/basic/mappings/page-1.json", fill("page-1.json", name));
    files.put("cases/basic/mappings/page-2.json", fill("page-2.json", name));
    files.put("cases/basic/expected.jsonl", fill("expected.jsonl", name));
    return files;
  }

  static String environmentVariable(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_TOKEN";
  }

  private static String fill(String resource, String name) {
    try (InputStream in = StarterFiles.class.getResourceAsStream("starter/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing starter resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("__NAME__", name)
          .replace("__ENV__", environmentVariable(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
