package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/** The command printed after a cancelled run: the one given, with --resume, and no secret. */
class ResumeCommandTest {
  private static String resume(Set<String> secretParameters, String... args) {
    ParseResult parsed =
        PagewalkCommand.commandLine(new CliEnvironment(Map.of(), false))
            .parseArgs(args)
            .subcommand();
    return ResumeCommand.of(parsed, secretParameters);
  }

  @Test
  void masksInlineConnectionValuesAndSecretParametersAndKeepsReferences() {
    assertThat(
            resume(
                Set.of("api_key"),
                "run",
                "specs/x.yaml",
                "-p",
                "api_key=k3y",
                "-p",
                "project=4",
                "-c",
                "token=s3cret",
                "--connection=user=env:USER",
                "-c",
                "creds.yaml",
                "-o",
                "postgresql://me:pa55@db:5432/x",
                "--max-records",
                "unlimited",
                "-q"))
        .isEqualTo(
            "pagewalk run specs/x.yaml --param 'api_key=***' --param project=4"
                + " --connection 'token=***' --connection user=env:USER --connection creds.yaml"
                + " --out 'postgresql://me:***@db:5432/x' --max-records unlimited --quiet --resume")
        .doesNotContain("k3y")
        .doesNotContain("s3cret")
        .doesNotContain("pa55");
  }

  @Test
  void quotesWordsTheShellWouldSplitAndDoesNotRepeatResume() {
    assertThat(
            resume(
                Set.of(),
                "run",
                "my specs/x.yaml",
                "-p",
                "q=a b's",
                "--resume",
                "--out",
                "out.jsonl"))
        .isEqualTo("pagewalk run 'my specs/x.yaml' --param 'q=a b'\\''s' --out out.jsonl --resume");
  }
}
