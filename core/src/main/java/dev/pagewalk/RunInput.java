package dev.pagewalk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run is given: parameter values, connection values, limit overrides and an optional base
 * URL override (used to point a spec at a mock server). Values are plain data; they are validated
 * against the spec's declarations before any request is sent.
 */
public record RunInput(
    Map<String, Object> parameters,
    Map<String, Object> connection,
    LimitOverrides limits,
    String baseUrl,
    Map<String, Object> state) {

  public RunInput {
    parameters = unmodifiable(parameters);
    connection = unmodifiable(connection);
    limits = limits == null ? LimitOverrides.NONE : limits;
    state = unmodifiable(state);
  }

  public static RunInput empty() {
    return new RunInput(Map.of(), Map.of(), LimitOverrides.NONE, null, Map.of());
  }

  public RunInput withParameters(Map<String, Object> values) {
    return new RunInput(values, connection, limits, baseUrl, state);
  }

  public RunInput withConnection(Map<String, Object> values) {
    return new RunInput(parameters, values, limits, baseUrl, state);
  }

  public RunInput withLimits(LimitOverrides overrides) {
    return new RunInput(parameters, connection, overrides, baseUrl, state);
  }

  public RunInput withBaseUrl(String url) {
    return new RunInput(parameters, connection, limits, url, state);
  }

  public RunInput withState(Map<String, Object> values) {
    return new RunInput(parameters, connection, limits, baseUrl, values);
  }

  private static Map<String, Object> unmodifiable(Map<String, Object> map) {
    if (map == null) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), v));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
