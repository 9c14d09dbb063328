package dev.pagewalk.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code pagewalk.jar}: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    PrintWriter out = utf8(FileDescriptor.out);
    PrintWriter err = utf8(FileDescriptor.err);
    if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
      // what picocli would print, without building the command line first
      for (String line : VersionProvider.lines()) {
        out.println(line);
      }
      out.flush();
      return;
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
