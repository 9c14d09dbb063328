package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateCommandTest {
  private static final String SPECS = "src/test/resources/specs/";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "unknown-key",
        "wrong-type",
        "unquoted-template",
        "bad-expression",
        "unknown-function"
      })
  void printsEachDiagnosticCompilerStyle(String spec) {
    Cli.Result r = Cli.plain().run("validate", SPECS + spec + ".yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.out()).isEmpty();
    Golden.assertMatches("validate-" + spec + ".txt", r.err());
  }

  @Test
  void namesTheUnknownKeyAndSuggestsTheNearestOne() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "unknown-key.yaml");
    assertThat(r.err())
        .isEqualTo(
            SPECS
                + "unknown-key.yaml:5:3: unknown key 'respone' in request (at /request/respone)\n"
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
  void refusesAParameterOrConnectionValueTheSpecDoesNotDeclare() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "undeclared-parameter.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            SPECS
                + "undeclared-parameter.yaml:9:39: connection.api_token is"
                + " not declared; the declared connection values are: token (at /headers/Authorization)\n"
                + "    Authorization: \"Bearer {{connection.api_token}}\"\n"
                + "                                        ^\n"
                + "  hint: did you mean 'token'?\n"
                + SPECS
                + "undeclared-parameter.yaml:14:26: parameters.perpage is not declared; the"
                + " declared parameters are: per_page (at /request/qs/limit)\n"
                + "      limit: \"{{parameters.perpage}}\"\n"
                + "                           ^\n"
                + "  hint: did you mean 'per_page'?\n");
  }

  @Test
  void explainsDashedNamesAndFunctionNamesFromOtherTools() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "dashes-and-other-names.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    Golden.assertMatches("validate-dashes-and-other-names.txt", r.err());
  }

  @Test
  void warnsThatAPaginatedSpecWithoutLimitsGetsMakesDefaultCaps() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "no-limits.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(r.out()).isEqualTo(SPECS + "no-limits.yaml: ok\n");
    assertThat(r.err())
        .isEqualTo(
            SPECS
                + "no-limits.yaml:8:3: warning: this spec uses Make's"
                + " default caps: 100 requests, 50 pagination requests, 3,200 records; a run that reaches"
                + " one stops, truncated (at /request/pagination)\n"
                + "    pagination:\n"
                + "    ^\n"
                + "  hint: set limits: {maxRequests: N, maxPaginationRequests: N, maxRecords: N}, each a"
                + " number or unlimited\n");
  }

  @Test
  void warnsOnlyAboutTheCapsASpecLeavesAtMakesDefaults() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "some-limits.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(r.err())
        .isEqualTo(
            SPECS
                + "some-limits.yaml:4:1: warning: this spec uses Make's"
                + " default caps: 50 pagination requests, 3,200 records; a run that reaches"
                + " one stops, truncated (at /limits)\n"
                + "  limits:\n"
                + "  ^\n"
                + "  hint: set limits: {maxPaginationRequests: N, maxRecords: N}, each a"
                + " number or unlimited\n");
  }

  @Test
  void aMissingFileIsASpecError() {
    Cli.Result r = Cli.plain().run("validate", SPECS + "no-such-spec.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.err()).startsWith(SPECS + "no-such-spec.yaml:1:1: cannot read the file: ");
  }

  @Test
  void checksEverySpecEvenAfterOneFails() {
    Cli.Result r =
        Cli.plain().run("validate", SPECS + "unknown-key.yaml", SPECS + "wrong-type.yaml");
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
