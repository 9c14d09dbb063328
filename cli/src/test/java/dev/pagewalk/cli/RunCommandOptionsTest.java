package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option errors of {@code run}, found before the spec is loaded or any request sent. */
class RunCommandOptionsTest {
  static final String SPEC = "src/test/resources/specs/good.yaml";

  @Test
  void aCountOptionTakesANumberOrUnlimited() {
    Cli.Result r = Cli.plain().run("run", SPEC, "--max-records", "lots");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .startsWith(
            "pagewalk: Invalid value for option '--max-records': "
                + "'lots' is not a count; write a whole number >= 0 or 'unlimited'\n");
  }

  @Test
  void theTimeoutTakesADurationOrUnlimited() {
    Cli.Result r = Cli.plain().run("run", SPEC, "--timeout", "40");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .startsWith(
            "pagewalk: Invalid value for option '--timeout': "
                + "'40' is not a duration; write a number and a unit: 250ms, 40s, 5m, 1h, or 'unlimited'\n");
  }

  @Test
  void limitOptionsBecomeOverrides() {
    LimitOptions limits = new LimitOptions();
    picocli.CommandLine.populateCommand(
        limits, "--max-records", "unlimited", "--max-requests", "7", "--timeout", "250ms");
    assertThat(limits.overrides())
        .isEqualTo(
            new dev.pagewalk.LimitOverrides(
                7L, null, dev.pagewalk.LimitOverrides.UNLIMITED, java.time.Duration.ofMillis(250)));
  }

  @Test
  void aParameterNeedsNameEqualsValue() {
    Cli.Result r = Cli.plain().run("run", SPEC, "-p", "page_size");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("page_size").contains("KEY=VALUE");
  }

  @Test
  void anUnsetEnvironmentVariableIsNamedButNoValueIsShown() {
    Cli.Result r = Cli.withEnvironment(Map.of()).run("run", SPEC, "-c", "token=env:NOPE");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo("pagewalk run: connection 'token': environment variable NOPE is not set\n");
  }

  @Test
  void aConnectionArgumentThatIsNoPairMustBeAFile() {
    Cli.Result r = Cli.plain().run("run", SPEC, "-c", "missing.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk run: --connection 'missing.yaml' is neither "
                + "NAME=VALUE, NAME=env:VAR nor an existing YAML or JSON file\n");
  }

  @Test
  void theBaseUrlMustBeAbsolute() {
    Cli.Result r = Cli.plain().run("run", SPEC, "--base-url", "localhost/api");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo("pagewalk run: --base-url 'localhost/api' must be an absolute http(s) URL\n");
  }

  @Test
  void aBadSpecIsASpecErrorWithItsDiagnostics() {
    Cli.Result r = Cli.plain().run("run", "src/test/resources/specs/wrong-type.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.SPEC_ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("src/test/resources/specs/wrong-type.yaml:4:15: expected integer");
  }
}
