package dev.pagewalk.spec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.SpecException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the spec loader (safe YAML, schema validation, expression compilation, the plan's
 * own rules). Any text loads or fails with {@link SpecException}, whose diagnostics say where;
 * nothing else may escape.
 */
class SpecLoaderFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void loadsOrRefusesAnySpec(byte[] input) {
    try {
      Pagewalk.parse("fuzz.yaml", new String(input, StandardCharsets.UTF_8));
    } catch (SpecException refused) {
      // located diagnostics
    }
  }
}
