package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {
  private static final String SPECS = "src/test/resources/specs/";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unknown-key", "wrong-type", "unquoted-template", "bad-expression",
      "unknown-function"})
  void printsEachDiagnosticCompilerStyle(String spec) {
    Cli.Result r = Cli.plain().run("validate", SPECS + spec + ".yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.out()).isEmpty();
    Golden.assertMatches("validate-" + spec + ".txt", r.err());
  }

  @Test
  void namesTheUnknownKeyAndSuggestsTheNearestOne() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "unknown-key.yaml");
    assertThat(r.err()).isEqualTo(
        SPECS + "unknown-key.yaml:5:3: unknown key 'respone' in request (at /request/respone)\n"
            + "    respone:\n"
            + "    ^\n"
            + "  hint: did you mean 'response'?\n");
  }

  @Test
  void printsOkForAGoodSpec() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "good.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(r.out()).isEqualTo(SPECS + "good.yaml: ok\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aMissingFileIsASpecError() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "no-such-spec.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.err()).startsWith(SPECS + "no-such-spec.yaml:1:1: cannot read the file: ");
  }

  @Test
  void checksEverySpecEvenAfterOneFails() {
    Cli.Result r = Cli.plain().run("validate",
        SPECS + "unknown-key.yaml", SPECS + "wrong-type.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.err()).contains("unknown-key.yaml:5:3:", "wrong-type.yaml:4:15:");
  }

  @Test
  void needsAtLeastOneSpec() {
    Cli.Result r = Cli.plain().run("validate");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("pagewalk: Missing required parameter: 'SPEC'");
  }
}
