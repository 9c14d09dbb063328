package dev.pagewalk.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import picocli.CommandLine;

/** Entry point of {@code pagewalk.jar}: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    PrintWriter out = utf8(FileDescriptor.out);
    PrintWriter err = utf8(FileDescriptor.err);
    OptionalInt answered = ShortCommands.run(args, out, err);
    if (answered.isPresent()) {
      out.flush();
      err.flush();
      System.exit(answered.getAsInt());
    }
    CommandLine cli = PagewalkCommand.commandLine(CliEnvironment.system(), args);
    cli.setOut(out);
    cli.setErr(err);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(
        new BufferedWriter(
            new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), 1 << 16),
        false);
  }
}
