package dev.pagewalk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spec may read only the parameters and connection values it declares: a run refuses any other
 * input, so {@code parameters.perpage} next to a declared {@code per_page} would always be null and
 * its query key silently left out. Such a reference is a load error, located.
 */
class DeclaredInputsTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: items
      baseUrl: "https://{{connection.host}}/api"
      parameters:
        per_page: {type: integer, default: 50}
      connection:
        token: {type: string, secret: true}
        host: {type: string, default: example.invalid}
      headers:
        Authorization: "Bearer {{connection.tokn}}"
      request:
        url: /items
        qs:
          limit: "{{parameters.perpage}}"
        response:
          iterate: "{{body.data}}"
      """;

  private static List<Diagnostic> problems(String yaml) {
    return catchThrowableOfType(SpecException.class, () -> Pagewalk.parse("items.yaml", yaml))
        .diagnostics();
  }

  @Test
  void refusesEveryUndeclaredReferenceWithItsPlaceAndTheDeclaredName() {
    List<Diagnostic> problems = problems(SPEC);
    assertThat(problems)
        .extracting(Diagnostic::format)
        .containsExactly(
            """
        items.yaml:10:39: connection.tokn is not declared; the declared connection values are: host, token (at /headers/Authorization)
            Authorization: "Bearer {{connection.tokn}}"
                                                ^
          hint: did you mean 'token'?""",
            """
        items.yaml:14:26: parameters.perpage is not declared; the declared parameters are: per_page (at /request/qs/limit)
              limit: "{{parameters.perpage}}"
                                   ^
          hint: did you mean 'per_page'?""");
  }

  @Test
  void loadsWhenEveryReferenceIsDeclared() {
    Plan plan =
        Plan.of(
            Pagewalk.parse(
                "items.yaml",
                SPEC.replace("connection.tokn", "connection.token")
                    .replace("parameters.perpage", "parameters.per_page")));
    assertThat(plan.parameters()).extracting(ParamDecl::name).containsExactly("per_page");
  }

  @Test
  void aSpecWithoutParametersMayReadNone() {
    String yaml =
        """
        pagewalk: 1
        name: items
        baseUrl: https://example.invalid
        request:
          url: "/items/{{parameters.id}}"
        """;
    assertThat(problems(yaml))
        .extracting(Diagnostic::format)
        .containsExactly(
            """
        items.yaml:5:29: parameters.id is not declared: the spec declares no parameters (at /request/url)
            url: "/items/{{parameters.id}}"
                                      ^
          hint: declare it under parameters:, e.g. id: {type: string}""");
  }
}
