package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands {@link Main} answers before picocli's command line is built print exactly what the
 * command line prints, and leave everything else to it.
 */
class ShortCommandsTest {
  private static final String SPECS = "src/test/resources/specs/";

  static Stream<Arguments> validations() {
    return Stream.of(
        Arguments.of((Object) new String[] {"validate", SPECS + "good.yaml"}),
        Arguments.of((Object) new String[] {"validate", SPECS + "no-limits.yaml"}),
        Arguments.of((Object) new String[] {"validate", SPECS + "some-limits.yaml"}),
        Arguments.of((Object) new String[] {"validate", SPECS + "unknown-key.yaml"}),
        Arguments.of((Object) new String[] {"validate", SPECS + "bad-expression.yaml"}),
        Arguments.of((Object) new String[] {"validate", SPECS + "dashes-and-other-names.yaml"}),
        Arguments.of((Object) new String[] {"validate", SPECS + "no-such-spec.yaml"}),
        Arguments.of((Object) new String[] {"validate", ""}),
        Arguments.of(
            (Object)
                new String[] {
                  "validate",
                  SPECS + "good.yaml",
                  SPECS + "wrong-type.yaml",
                  SPECS + "no-limits.yaml"
                }),
        Arguments.of((Object) new String[] {"--version"}),
        Arguments.of((Object) new String[] {"-V"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validations")
  void printsWhatTheCommandLinePrints(String[] args) throws Exception {
    Cli.Result picocli = Cli.plain().run(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    OptionalInt code = ShortCommands.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).hasValue(picocli.code());
    assertThat(out.toString()).isEqualTo(picocli.out());
    assertThat(err.toString()).isEqualTo(picocli.err());
  }

  @ParameterizedTest(name = "'{0}'")
  @ValueSource(
      strings = {
        "validate",
        "validate --help",
        "validate -h x.yaml",
        "validate x.yaml --help",
        "validate @args.txt",
        "validate -- x.yaml",
        "validate x.yaml -",
        "run x.yaml",
        "help validate",
        "--version validate",
        "-V -h",
        ""
      })
  void leavesOptionsHelpAndArgumentFilesToTheCommandLine(String line) throws Exception {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(ShortCommands.run(args, new PrintWriter(out), new PrintWriter(err))).isEmpty();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void leavesAPathJavaCannotNameToTheCommandLine() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = {"validate", SPECS + "good.yaml", "bad\0name.yaml"};
    assertThat(ShortCommands.run(args, new PrintWriter(out), new PrintWriter(err))).isEmpty();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }
}
