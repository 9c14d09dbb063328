package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameter patterns that can take exponential time are refused when the spec is loaded. */
class NestedQuantifiersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
      ^(.*a){12}$ => (.*a){12}
      (a+)+ => (a+)+
      ^(\\w+\\s?)*$ => (\\w+\\s?)*
      x((ab)*c)+ => ((ab)*c)+
      (?:[a-z]+,){2,} => (?:[a-z]+,){2,}
      """)
  void findsAGroupRepeatedAroundARepetition(String regex, String found) {
    assertThat(NestedQuantifiers.find(regex)).isEqualTo(found);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "^[A-Z]{2}-[0-9]+$",
        "(\\d{3}-)+\\d{4}",
        "([a-z]++\\.)+",
        "(?>a+)+",
        "(a+)?",
        "[(a+)+]",
        "\\(a+\\)+",
        "\\Q(a+)+\\E",
        "^(ab|cd)*$",
        "\\p{Alpha}+"
      })
  void acceptsPatternsThatCannotBacktrackExponentially(String regex) {
    assertThat(NestedQuantifiers.find(regex)).isNull();
  }

  @Test
  void aSpecWithSuchAPatternIsRefusedAtLoadNamingTheParameter() {
    String yaml =
        """
        pagewalk: 1
        name: redos
        baseUrl: http://127.0.0.1:1
        parameters:
          code: {type: string, pattern: '^(.*a){12}$'}
        request: {url: /items}
        """;
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> Pagewalk.parse("redos.yaml", yaml));
    assertThat(e.diagnostics()).hasSize(1);
    assertThat(e.diagnostics().get(0).headline())
        .isEqualTo(
            "redos.yaml:5:33: pattern of parameter 'code'"
                + " repeats a group that repeats itself ('(.*a){12}'): matching can take exponential time");
    assertThat(e.diagnostics().get(0).hint())
        .isEqualTo("make the inner repetition possessive (a++) or the group atomic ((?>...))");
  }
}
