package dev.pagewalk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link Compare} in fresh JVMs, one after another, and summarises them. The JIT compiles the
 * shared hot code (Jackson's parser and generator, the page renderer) differently in every JVM, and
 * on this kind of machine one JVM's ratio can land anywhere within ±15 % of another's — so a single
 * JVM is one sample. Within a fork both sides run alternately on the same compiled code, so each
 * fork's ratio is a paired measurement; the summary gives their median and range.
 */
final class Forks {
  /** Prefix of the machine-readable line a fork prints per style and side. */
  static final String RESULT = "#result";

  private Forks() {}

  /** One measurement read back from a fork. */
  private record Result(
      String style, String side, long records, double recordsPerSecond, double cpuMicros) {}

  static void run(int forks, String[] args) throws IOException, InterruptedException {
    List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
    System.out.println(Machine.describe());
    System.out.printf(Locale.ROOT, "%d forks, each: Compare %s%n%n", forks, String.join(" ", args));
    List<List<Result>> all = new ArrayList<>();
    for (int f = 1; f <= forks; f++) {
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(jvmArgs);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Compare.class.getName());
      command.addAll(withoutForks(args));
      System.out.printf(Locale.ROOT, "fork %d of %d%n", f, forks);
      all.add(runFork(command));
    }
    summarise(all);
  }

  private static List<String> withoutForks(String[] args) {
    List<String> out = new ArrayList<>(Arrays.asList(args));
    int i = out.indexOf("--forks");
    if (i >= 0) {
      out.remove(i + 1);
      out.remove(i);
    }
    return out;
  }

  private static List<Result> runFork(List<String> command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<Result> results = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith(RESULT + " ")) {
          String[] f = line.split(" ");
          results.add(
              new Result(
                  f[1],
                  f[2],
                  Long.parseLong(f[3]),
                  Double.parseDouble(f[4]),
                  Double.parseDouble(f[5])));
        } else if (line.startsWith("  ratio")
            || line.startsWith("  baseline")
            || line.startsWith("  pagewalk")
            || line.startsWith("warm-up done")
            || line.matches("^(offset|token|link), .*")) {
          System.out.println("  " + line);
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("fork exited with " + exit + ": " + command);
    }
    return results;
  }

  private static void summarise(List<List<Result>> forks) {
    // style and size -> side -> one {records/s, CPU µs per record} per fork
    Map<String, Map<String, List<double[]>>> byStyle = new LinkedHashMap<>();
    for (List<Result> fork : forks) {
      for (Result r : fork) {
        byStyle
            .computeIfAbsent(r.style() + " " + r.records(), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.side(), k -> new ArrayList<>())
            .add(new double[] {r.recordsPerSecond(), r.cpuMicros()});
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nsummary over %d forks (medians of each fork's median; ratio = side/baseline per fork):%n",
        forks.size());
    byStyle.forEach(
        (key, bySide) -> {
          String[] parts = key.split(" ");
          StringBuilder line =
              new StringBuilder(
                  String.format(
                      Locale.ROOT, "  %-6s %,10d records", parts[0], Long.parseLong(parts[1])));
          List<double[]> baseline = bySide.get("baseline");
          bySide.forEach(
              (side, values) -> {
                double rate = median(values.stream().mapToDouble(v -> v[0]).toArray());
                line.append(
                    String.format(
                        Locale.ROOT, "  %s %,10.0f rec/s (%.2f µs/rec)", side, rate, micros(rate)));
                if (baseline != null
                    && !side.equals("baseline")
                    && baseline.size() == values.size()) {
                  double[] ratios = new double[values.size()];
                  double[] cpuRatios = new double[values.size()];
                  for (int f = 0; f < values.size(); f++) {
                    ratios[f] = values.get(f)[0] / baseline.get(f)[0];
                    cpuRatios[f] = baseline.get(f)[1] / values.get(f)[1];
                  }
                  double[] sorted = ratios.clone();
                  Arrays.sort(sorted);
                  line.append(
                      String.format(
                          Locale.ROOT,
                          "  ratio %.3f (forks: %s; range %.3f–%.3f)  CPU-time ratio %.3f",
                          median(ratios),
                          format(ratios),
                          sorted[0],
                          sorted[sorted.length - 1],
                          median(cpuRatios)));
                }
              });
          System.out.println(line);
        });
    System.out.println(Machine.load());
  }

  private static double micros(double recordsPerSecond) {
    return recordsPerSecond == 0 ? 0 : 1e6 / recordsPerSecond;
  }

  private static String format(double[] values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", v));
    }
    return b.toString();
  }

  /** The median of the values (0 when there are none); used for rounds and for forks alike. */
  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
