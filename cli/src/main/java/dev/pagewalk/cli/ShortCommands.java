package dev.pagewalk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The commands {@link Main} answers before picocli's command line is built, printing exactly what
 * the command line would: {@code --version} (or {@code -V}) alone, and {@code validate} followed by
 * spec files only. picocli's classes are compiled for Java 5, so the class-data-sharing archive
 * cannot hold them pre-verified: building the command line was a quarter of {@code validate}'s
 * start-up. Anything else — an option, help, an {@code @argument} file, a path Java cannot name —
 * is left to the command line.
 */
final class ShortCommands {
  private ShortCommands() {}

  /** The exit code of the command, or empty when the command line must answer these arguments. */
  static OptionalInt run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
    if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
      for (String line : Version.lines()) {
        out.println(line);
      }
      out.flush();
      return OptionalInt.of(ExitCodes.COMPLETE);
    }
    if (args.length < 2 || !"validate".equals(args[0])) {
      return OptionalInt.empty();
    }
    List<Path> specs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("-") || args[i].startsWith("@")) {
        return OptionalInt.empty();
      }
      try {
        specs.add(Path.of(args[i]));
      } catch (InvalidPathException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.of(SpecCheck.run(specs, out, err));
  }
}
