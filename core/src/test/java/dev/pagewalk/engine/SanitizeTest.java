package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import org.junit.jupiter.api.Test;

class SanitizeTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: tokens
      baseUrl: http://api.test
      request:
        url: /oauth
        qs: {signature: abcdef123}
        log:
          sanitize: [request.qs.signature, response.body.access_token]
        response:
          error:
            message: "{{body.error}} for {{body.access_token}}"
      """;

  @Test
  void masksDeclaredPathsInErrorMessages() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) -> json(req, 403, "{\"error\":\"expired\",\"access_token\":\"at-998877\"}"));
    RunResult r;
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build()) {
      r = runner.collect(Pagewalk.parse("tokens.yaml", SPEC), RunInput.empty()).result();
    }
    assertThat(r.failure().getMessage())
        .isEqualTo("tokens: GET http://api.test/oauth?signature=*** returned 403: expired for ***");
  }

  @Test
  void refusesTheReservedXmlType() {
    assertThatThrownBy(
            () ->
                Pagewalk.parse("x.yaml", SPEC.replace("response:\n", "response:\n    type: xml\n")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("response type xml is reserved for a later version");
  }
}
