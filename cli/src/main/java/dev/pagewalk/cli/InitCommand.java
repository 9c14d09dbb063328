package dev.pagewalk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pagewalk init}: writes a commented starter spec and a passing conformance case into a new
 * folder, so an author starts from something that validates and tests green.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a starter spec and a conformance case that passes out of the box.",
      "Writes NAME/NAME.yaml (commented: parameters, a secret connection value, a",
      "cursor-paginated request) and NAME/cases/basic/ (WireMock stubs, expected records)."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.COMPLETE + ":the files were written", ExitCodes.USAGE_HELP})
final class InitCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The spec's name: lower-case letters, digits and dashes (e.g. github-issues).")
  String name;

  @Option(
      names = {"-d", "--dir"},
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to create the NAME folder (default: the current directory).")
  Path dir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!NAME.matcher(name).matches()) {
      err.println(
          "pagewalk init: '"
              + name
              + "' is not a spec name: use lower-case letters, "
              + "digits and dashes, starting with a letter or digit");
      return ExitCodes.USAGE;
    }
    Path root = dir.resolve(name);
    try {
      if (Files.exists(root) && !isEmptyDirectory(root)) {
        err.println("pagewalk init: " + root + " already exists; not overwriting it");
        return ExitCodes.USAGE;
      }
      for (Map.Entry<String, String> file : StarterFiles.forName(name).entrySet()) {
        Path target = root.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        out.println("created " + target);
      }
    } catch (IOException e) {
      err.println("pagewalk init: cannot write " + root + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    out.println();
    out.println("Next:");
    out.println("  pagewalk validate " + root.resolve(name + ".yaml"));
    out.println("  pagewalk test " + root.resolve("cases"));
    out.println(
        "  pagewalk run "
            + root.resolve(name + ".yaml")
            + " --connection api_token=env:"
            + StarterFiles.environmentVariable(name));
    out.flush();
    return ExitCodes.COMPLETE;
  }

  private static boolean isEmptyDirectory(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    }
  }
}
