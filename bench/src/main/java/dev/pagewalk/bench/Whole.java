package dev.pagewalk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole-process comparison: each side is a command started fresh (JVM or Node start included),
 * walking the bench's page server and writing JSON Lines to a file, measured from outside ({@link
 * Measured}). Rounds alternate the order of the sides; the summary gives each side's medians and
 * the ratios against pagewalk.
 *
 * <pre>
 * java -jar pagewalk-bench.jar whole --pagewalk ./pagewalk --node-dir bench/target/node
 *      [--records 1000000] [--page-size 1000] [--style token] [--rounds 3]
 *      [--sides pagewalk,got,baseline] [--output identity|projection] [--work-dir DIR]
 * </pre>
 *
 * {@code --output identity} (the default) writes each item as the API sent it (a spec without
 * {@code output}); {@code projection} writes the bench specs' 10-field {@code output}.
 */
final class Whole {
  record Options(
      long records,
      int pageSize,
      Style style,
      int rounds,
      List<WholeSide> sides,
      boolean identity,
      WholeSide.Tools tools,
      Path workDir) {}

  private Whole() {}

  static void main(String[] args) throws Exception {
    Options o = parse(args);
    System.out.println(Machine.describe());
    System.out.println("measured with " + Measured.method());
    System.out.printf(Locale.ROOT, "options: %s%n%n", o);
    Files.createDirectories(o.workDir());
    try (PageServer server = PageServer.start(Compare.SEED)) {
      run(o, server);
    }
  }

  /** Runs the rounds and returns the summary (also printed, with each run as it ends). */
  static String run(Options o, PageServer server) throws IOException, InterruptedException {
    Path spec = o.workDir().resolve(o.style().id() + ".yaml");
    Files.writeString(spec, specText(o.style(), o.identity()));
    WholeSide.Walk walk =
        new WholeSide.Walk(
            o.style(), server.baseUrl(o.records()), o.pageSize(), spec, o.identity());
    Map<WholeSide, List<Measured>> runs = new EnumMap<>(WholeSide.class);
    for (int round = 0; round < o.rounds(); round++) {
      List<WholeSide> order = new ArrayList<>(o.sides());
      if (round % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      Map<WholeSide, Path> outputs = new EnumMap<>(WholeSide.class);
      for (WholeSide side : order) {
        Path dir = o.workDir().resolve(side.id());
        deleteTree(dir);
        Files.createDirectories(dir);
        Path out = dir.resolve("records.jsonl");
        Measured m = Measured.run(side.command(o.tools(), walk, out), o.workDir());
        long lines = lines(out);
        if (lines != o.records()) {
          throw new IllegalStateException(
              side.id() + " wrote " + lines + " records, not " + o.records() + ":\n" + m.output());
        }
        runs.computeIfAbsent(side, s -> new ArrayList<>()).add(m);
        outputs.put(side, out);
        System.out.printf(
            Locale.ROOT,
            "round %d %-9s %s  %s%n",
            round + 1,
            side.id(),
            m.figures(),
            Machine.load());
      }
      if (round == 0) {
        compareOutputs(outputs);
      }
    }
    String summary = summary(o, runs);
    System.out.println();
    System.out.println(summary);
    System.out.println(Machine.load());
    return summary;
  }

  /** The style's bench spec; for identity output, without its {@code output} block. */
  static String specText(Style style, boolean identity) {
    String text = style.specText();
    if (!identity) {
      return text;
    }
    StringBuilder kept = new StringBuilder();
    boolean inOutput = false;
    for (String line : text.split("\n", -1)) {
      if (line.equals("    output:")) {
        inOutput = true;
        continue;
      }
      if (inOutput && line.startsWith("      ")) {
        continue;
      }
      inOutput = false;
      kept.append(line).append('\n');
    }
    return kept.substring(0, kept.length() - 1);
  }

  private static void compareOutputs(Map<WholeSide, Path> outputs) throws IOException {
    Path reference = outputs.get(WholeSide.PAGEWALK);
    if (reference == null) {
      return;
    }
    for (Map.Entry<WholeSide, Path> e : outputs.entrySet()) {
      if (e.getKey() != WholeSide.PAGEWALK) {
        System.out.println(
            "output: " + e.getKey().id() + " " + difference(reference, e.getValue()));
      }
    }
  }

  /** "identical to pagewalk's" or how many lines differ, with the first pair. */
  static String difference(Path reference, Path other) throws IOException {
    try (BufferedReader a = Files.newBufferedReader(reference, StandardCharsets.UTF_8);
        BufferedReader b = Files.newBufferedReader(other, StandardCharsets.UTF_8)) {
      long differing = 0;
      long line = 0;
      String first = null;
      while (true) {
        String x = a.readLine();
        String y = b.readLine();
        if (x == null && y == null) {
          break;
        }
        line++;
        if (x == null || !x.equals(y)) {
          if (differing++ == 0) {
            first =
                String.format(
                    Locale.ROOT, "line %d: pagewalk %s%n          other    %s", line, x, y);
          }
        }
      }
      return differing == 0
          ? "byte-identical to pagewalk's"
          : String.format(
              Locale.ROOT,
              "differs from pagewalk's in %,d of %,d lines, first %s",
              differing,
              line,
              first);
    }
  }

  static String summary(Options o, Map<WholeSide, List<Measured>> runs) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "summary: %s, %,d records, page size %d, output %s, median of %d alternating rounds%n",
            o.style().id(),
            o.records(),
            o.pageSize(),
            o.identity() ? "identity" : "projection",
            o.rounds()));
    s.append(
        String.format(
            Locale.ROOT,
            "  %-9s %8s %8s %10s %12s %12s %12s%n",
            "side",
            "wall s",
            "CPU s",
            "peak RSS",
            "wall ÷ pw",
            "CPU ÷ pw",
            "RSS ÷ pw"));
    Medians pw = Medians.of(runs.get(WholeSide.PAGEWALK));
    for (WholeSide side : o.sides()) {
      Medians m = Medians.of(runs.get(side));
      s.append(
          String.format(
              Locale.ROOT,
              "  %-9s %8.2f %8.2f %7d MB %12s %12s %12s%n",
              side.id(),
              m.wall(),
              m.cpu(),
              Math.round(m.rssKb() / 1024),
              pw == null ? "-" : ratio(m.wall(), pw.wall()),
              pw == null ? "-" : ratio(m.cpu(), pw.cpu()),
              pw == null ? "-" : ratio(m.rssKb(), pw.rssKb())));
    }
    s.append(
        "  (÷ pw: the side's median over pagewalk's; above 1 means pagewalk is faster or smaller)");
    return s.toString();
  }

  private static String ratio(double side, double pagewalk) {
    return String.format(Locale.ROOT, "%.2f×", side / pagewalk);
  }

  /** Medians of one side's runs, each figure on its own. */
  record Medians(double wall, double cpu, double rssKb) {
    static Medians of(List<Measured> runs) {
      if (runs == null || runs.isEmpty()) {
        return null;
      }
      return new Medians(
          Forks.median(runs.stream().mapToDouble(Measured::wallSeconds).toArray()),
          Forks.median(runs.stream().mapToDouble(Measured::cpuSeconds).toArray()),
          Forks.median(runs.stream().mapToDouble(Measured::peakRssKb).toArray()));
    }
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
      return s.count();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static Options parse(String[] args) {
    long records = 1_000_000;
    int pageSize = 1000;
    Style style = Style.TOKEN;
    int rounds = 3;
    List<WholeSide> sides = List.of(WholeSide.PAGEWALK, WholeSide.GOT, WholeSide.BASELINE);
    boolean identity = true;
    Path launcher = Path.of("pagewalk");
    Path nodeDir = Path.of("bench", "target", "node");
    Path benchJar = Path.of("bench", "target", "pagewalk-bench.jar");
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "pagewalk-whole");
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--records" -> records = Long.parseLong(v);
        case "--page-size" -> pageSize = Integer.parseInt(v);
        case "--style" -> style = Style.of(v);
        case "--rounds" -> rounds = Integer.parseInt(v);
        case "--sides" -> sides = Arrays.stream(v.split(",")).map(WholeSide::of).toList();
        case "--output" -> identity = identity(v);
        case "--pagewalk" -> launcher = Path.of(v);
        case "--node-dir" -> nodeDir = Path.of(v);
        case "--bench-jar" -> benchJar = Path.of(v);
        case "--work-dir" -> workDir = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
    return new Options(
        records,
        pageSize,
        style,
        rounds,
        sides,
        identity,
        new WholeSide.Tools(
            launcher.toAbsolutePath(),
            nodeDir.toAbsolutePath(),
            WholeSide.Tools.baselineJar(benchJar.toAbsolutePath())),
        workDir.toAbsolutePath());
  }

  private static boolean identity(String output) {
    return switch (output) {
      case "identity" -> true;
      case "projection" -> false;
      default ->
          throw new IllegalArgumentException("--output is identity or projection, not " + output);
    };
  }
}
