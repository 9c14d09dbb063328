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
    int code = execute(args, CliEnvironment.system(), out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command and returns its exit code: the short commands without building the command
   * line, every other through it. The class-data-sharing training starts its commands here too.
   */
  static int execute(String[] args, CliEnvironment env, PrintWriter out, PrintWriter err)
      throws IOException {
    OptionalInt answered = ShortCommands.run(args, out, err);
    if (answered.isPresent()) {
      return answered.getAsInt();
    }
    CommandLine cli = PagewalkCommand.commandLine(env, args);
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(
        new BufferedWriter(
            new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), 1 << 16),
        false);
  }
}
