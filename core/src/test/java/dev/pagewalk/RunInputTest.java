package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunInputTest {
  @Test
  void nullsBecomeEmptyValuesAndNoOverrides() {
    RunInput in = new RunInput(null, null, null, null, null);

    assertThat(in).isEqualTo(RunInput.empty());
    assertThat(in.limits()).isSameAs(LimitOverrides.NONE);
  }

  @Test
  void copiesTheCallersMapsKeepingOrderAndNullValues() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("b", 2L);
    params.put("a", null);
    RunInput in = RunInput.empty().withParameters(params);
    params.put("c", 3L);

    assertThat(in.parameters())
        .containsExactly(Map.entry("b", 2L), new java.util.AbstractMap.SimpleEntry<>("a", null));
    assertThatThrownBy(() -> in.parameters().put("x", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesANullName() {
    Map<String, Object> connection = new HashMap<>();
    connection.put(null, "token");

    assertThatThrownBy(() -> RunInput.empty().withConnection(connection))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
  }

  @Test
  void eachWitherReplacesOnlyItsPart() {
    RunInput in =
        RunInput.empty()
            .withParameters(Map.of("p", 1L))
            .withConnection(Map.of("token", "t0ken"))
            .withLimits(LimitOverrides.NONE.withMaxRecords(3))
            .withBaseUrl("http://127.0.0.1:8080")
            .withState(Map.of("since", "2026-01-01"));

    assertThat(in)
        .isEqualTo(
            new RunInput(
                Map.of("p", 1L),
                Map.of("token", "t0ken"),
                new LimitOverrides(null, null, 3L, null),
                "http://127.0.0.1:8080",
                Map.of("since", "2026-01-01")));
  }
}
