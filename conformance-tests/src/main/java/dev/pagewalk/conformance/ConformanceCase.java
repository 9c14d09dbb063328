package dev.pagewalk.conformance;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * One conformance case as read from its folder: which spec to run (a file or inline text), the
 * run's inputs and what the run must produce. Immutable; see {@link CaseLoader} for the format.
 *
 * @param name the case's name: its folder relative to the root it was found under
 * @param dir the case folder (holds {@code case.yaml}, {@code mappings/}, {@code __files/})
 * @param spec the spec file, or null when {@code specInline} is given
 * @param specInline the spec's YAML text, or null when {@code spec} is given
 * @param liveData the live-data mock to run against instead of {@code mappings/}, or null
 */
public record ConformanceCase(
    String name,
    Path dir,
    String description,
    Path spec,
    String specInline,
    Map<String, Object> parameters,
    Map<String, Object> connection,
    LimitOverrides limits,
    LiveDataConfig liveData,
    Expectation expect) {

  public ConformanceCase {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    connection = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connection));
  }
}
