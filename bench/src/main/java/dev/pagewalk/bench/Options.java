package dev.pagewalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The in-process comparison's options, from its command line. */
record Options(
    long records,
    int pageSize,
    List<Style> styles,
    int rounds,
    long warmupRecords,
    int warmupRounds,
    List<String> sides,
    boolean scaling,
    Path outDir,
    boolean inMemory,
    int forks,
    int warmupPageSize,
    boolean identity) {
  /** The options of {@code args}, each absent one at its default. */
  static Options parse(String[] args) throws IOException {
    long records = 1_000_000;
    int pageSize = 1000;
    List<Style> styles = List.of(Style.values());
    int rounds = 3;
    long warmupRecords = 100_000;
    int warmupRounds = 3;
    List<String> sides = List.of("baseline", "pagewalk", "pagewalk-serial");
    boolean scaling = false;
    Path outDir = null;
    boolean inMemory = false;
    int forks = 1;
    int warmupPageSize = 0;
    boolean identity = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--records" -> records = Long.parseLong(args[++i].replace("_", ""));
        case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
        case "--styles" -> styles = Arrays.stream(args[++i].split(",")).map(Style::of).toList();
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup-records" -> warmupRecords = Long.parseLong(args[++i].replace("_", ""));
        case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[++i]);
        case "--sides" -> sides = List.of(args[++i].split(","));
        case "--scaling" -> scaling = true;
        case "--out-dir" -> outDir = Files.createDirectories(Path.of(args[++i]));
        case "--in-memory" -> inMemory = true;
        case "--forks" -> forks = Integer.parseInt(args[++i]);
        case "--warmup-page-size" -> warmupPageSize = Integer.parseInt(args[++i]);
        case "--output" -> identity = output(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + a
                    + " (known: --records --page-size --styles --rounds --warmup-records --warmup-rounds --sides --scaling --out-dir --in-memory --forks --warmup-page-size --output)");
      }
    }
    return new Options(
        records,
        pageSize,
        styles,
        rounds,
        warmupRecords,
        warmupRounds,
        sides,
        scaling,
        outDir,
        inMemory,
        forks,
        warmupPageSize == 0 ? pageSize : warmupPageSize,
        identity);
  }

  /** {@code identity}: each item written as sent; {@code projection}: the specs' 10 fields. */
  static boolean output(String value) {
    return switch (value) {
      case "identity" -> true;
      case "projection" -> false;
      default ->
          throw new IllegalArgumentException(
              "--output is identity or projection, not '" + value + "'");
    };
  }
}
