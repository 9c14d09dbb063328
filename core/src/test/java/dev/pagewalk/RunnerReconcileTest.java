package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reconciliation compares keys, so a plan without {@code response.key} is refused up front. */
class RunnerReconcileTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: items
      baseUrl: http://127.0.0.1:1
      request:
        url: /items
        response:
          iterate: "{{body.data}}"
      """;

  @Test
  void refusesAPlanWithoutResponseKeyBeforeAnyRequest() {
    Plan plan = Pagewalk.parse("items.yaml", SPEC);
    try (Runner runner = Runner.builder().readAhead(false).build()) {
      InputException e =
          catchThrowableOfType(
              InputException.class,
              () -> runner.reconcile(plan, RunInput.empty(), stream -> Set.of()));
      assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
      assertThat(e.getMessage()).isEqualTo("items: reconcile needs response.key in the spec");
    }
  }
}
