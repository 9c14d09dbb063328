package dev.pagewalk.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The commands of the whole-process comparison, each as a user would start it. */
enum WholeSide {
  /** {@code pagewalk run SPEC --out FILE.jsonl} through the launcher, with its default options. */
  PAGEWALK,
  /** {@code node got-walk.mjs}: got.paginate writing JSON Lines. */
  GOT,
  /**
   * The hand-written HttpClient 5 + Jackson loop as {@code java -jar pagewalk-bench.jar baseline}.
   */
  BASELINE;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WholeSide of(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }

  /**
   * Where each side finds what it runs; {@code baseline} is the command that starts the
   * hand-written loop ({@code java -jar pagewalk-bench.jar baseline}), the walk's arguments follow.
   */
  record Tools(Path launcher, Path nodeDir, List<String> baseline) {
    Tools {
      baseline = List.copyOf(baseline);
    }

    static List<String> baselineJar(Path benchJar) {
      return List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar",
          benchJar.toString(),
          "baseline");
    }
  }

  /** The walk of one run: the style, the server's base URL, the page size and the output. */
  record Walk(Style style, String baseUrl, int pageSize, Path spec, boolean identity) {}

  List<String> command(Tools tools, Walk walk, Path out) {
    String pageSize = Integer.toString(walk.pageSize());
    String output = walk.identity() ? "identity" : "projection";
    return switch (this) {
      case PAGEWALK ->
          List.of(
              tools.launcher().toString(),
              "run",
              walk.spec().toString(),
              "--base-url",
              walk.baseUrl(),
              "-p",
              "limit=" + pageSize,
              "--out",
              out.toString(),
              "--quiet");
      case GOT ->
          List.of(
              "node",
              tools.nodeDir().resolve("got-walk.mjs").toString(),
              walk.style().id(),
              walk.baseUrl(),
              pageSize,
              out.toString(),
              output);
      case BASELINE -> {
        List<String> command = new java.util.ArrayList<>(tools.baseline());
        command.addAll(
            List.of(walk.style().id(), walk.baseUrl(), pageSize, out.toString(), output));
        yield command;
      }
    };
  }
}
