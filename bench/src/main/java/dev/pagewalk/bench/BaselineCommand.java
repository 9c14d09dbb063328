package dev.pagewalk.bench;

import java.nio.file.Path;

/**
 * The hand-written loop as a command of its own, for the whole-process comparison: {@code java -jar
 * pagewalk-bench.jar baseline STYLE BASE_URL PAGE_SIZE OUT_FILE identity|projection}. Prints the
 * record count.
 */
final class BaselineCommand {
  private BaselineCommand() {}

  static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: baseline STYLE BASE_URL PAGE_SIZE OUT_FILE identity|projection");
    }
    boolean identity = "identity".equals(args[4]);
    try (Baseline baseline = new Baseline(null, identity);
        JsonLinesSink sink = JsonLinesSink.toFile(Path.of(args[3]), false)) {
      long records = baseline.run(Style.of(args[0]), args[1], Integer.parseInt(args[2]), sink);
      System.out.println(records + " records");
    }
  }
}
