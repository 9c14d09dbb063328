package dev.pagewalk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pagewalk schema}: prints the JSON Schema of spec files, for editors and other tools. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema of pagewalk spec files (version 1).",
      "Save it for your editor: pagewalk schema > pagewalk-spec-v1.schema.json"
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE)
final class SchemaCommand implements Callable<Integer> {
  static final String RESOURCE = "/dev/pagewalk/schema/pagewalk-spec-v1.schema.json";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text());
    out.flush();
    return ExitCodes.COMPLETE;
  }

  static String text() throws IOException {
    try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the schema resource " + RESOURCE + " is missing from the classpath");
      }
      String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return schema.endsWith("\n") ? schema : schema + "\n";
    }
  }
}
