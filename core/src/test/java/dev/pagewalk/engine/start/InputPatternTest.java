package dev.pagewalk.engine.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pagewalk.InputException;
import dev.pagewalk.plan.ParamDecl;
import dev.pagewalk.plan.ParamType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checking an input against its pattern is bounded: a backtracking pattern cannot hang a run. */
class InputPatternTest {
  static List<ParamDecl> code(String regex) {
    return List.of(
        new ParamDecl(
            "code",
            ParamType.STRING,
            false,
            null,
            null,
            null,
            null,
            Pattern.compile(regex),
            null,
            false));
  }

  @Test
  void aBacktrackingPatternIsStoppedAndNamed() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(
                    () ->
                        InputBinder.bind(
                            "demo",
                            "parameter",
                            code("^(.*a){12}$"),
                            Map.of("code", "a".repeat(60) + "!")))
                .isInstanceOf(InputException.class)
                .hasMessage(
                    "demo: parameter 'code' cannot be checked against pattern ^(.*a){12}$: matching"
                        + " took more than 10000000 steps (the pattern backtracks too much; simplify it)"));
  }

  @Test
  void ordinaryPatternsStillMatchAndRefuse() {
    assertThat(
            InputBinder.bind(
                "demo", "parameter", code("^[A-Z]{2}-[0-9]+$"), Map.of("code", "AB-12")))
        .isEqualTo(Map.of("code", "AB-12"));
    assertThatThrownBy(
            () ->
                InputBinder.bind(
                    "demo", "parameter", code("^[A-Z]{2}-[0-9]+$"), Map.of("code", "ab")))
        .hasMessage("demo: parameter 'code' must match ^[A-Z]{2}-[0-9]+$, got 'ab'");
  }
}
