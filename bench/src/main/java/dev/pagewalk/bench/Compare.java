package dev.pagewalk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the hand-written baseline and pagewalk against the same local server in one JVM,
 * alternating, after warm-up, and prints records/s, the ratio pagewalk/baseline and heap use.
 *
 * <pre>
 * java -jar bench/target/pagewalk-bench.jar [--records 1000000] [--page-size 1000]
 *      [--styles offset,token,link] [--rounds 3] [--warmup-records 100000] [--warmup-rounds 2]
 *      [--sides baseline,pagewalk,pagewalk-serial] [--scaling] [--out-dir DIR] [--in-memory] [--forks 1]
 * </pre>
 *
 * {@code pagewalk} is the engine as a runner is built by default (the next page's request is sent
 * while a page is written); {@code pagewalk-serial} is the same engine with read-ahead off, each
 * request waiting for the page before it as in the hand-written loop. Every side after the first is
 * compared with the first (the baseline). CPU and allocation count the run's own thread and
 * pagewalk's read-ahead threads.
 *
 * <p>{@code --forks N} runs the whole comparison in N fresh JVMs one after another and summarises
 * them ({@link Forks}): each JVM compiles the hot code its own way, so one JVM's ratio is one
 * sample, not the answer. {@code --scaling} measures 10^4, 10^5, 10^6 and 10^7 records instead of
 * {@code --records}. Output goes to a counting null stream unless {@code --out-dir} names a folder
 * for JSON Lines files.
 */
public final class Compare {
  static final long SEED = 20240601L;

  /** Walks every page of a style and writes each record; returns the record count. */
  @FunctionalInterface
  interface Walk {
    long run(Style style, String baseUrl, int pageSize, JsonLinesSink sink) throws IOException;
  }

  /** One side of the comparison. */
  record Side(String name, Walk walk) {}

  /** One measured run. */
  record Run(
      long records,
      long nanos,
      long cpuNanos,
      long allocated,
      long gcMillis,
      long bytes,
      long checksum,
      long peakHeap,
      long peakAfterGc) {
    double recordsPerSecond() {
      return records / (nanos / 1e9);
    }
  }

  private final PageServer server;
  private final List<Side> sides;
  private final Options options;
  private final HeapWatch heap = new HeapWatch();
  private final RunThreads threads = new RunThreads();

  Compare(PageServer server, List<Side> sides, Options options) {
    this.server = server;
    this.sides = sides;
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("baseline")) {
      BaselineCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("serve")) {
      try (PageServer server = PageServer.start(SEED)) {
        System.out.println(server.baseUrl(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000));
        Thread.sleep(Long.MAX_VALUE);
      }
      return;
    }
    if (args.length > 0 && args[0].equals("whole")) {
      Whole.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Options o = Options.parse(args);
    if (o.forks() > 1) {
      Forks.run(o.forks(), args);
      return;
    }
    System.out.println(Machine.describe());
    System.out.printf(Locale.ROOT, "options: %s%n%n", o);
    try (PageServer server = PageServer.start(SEED);
        Baseline baseline = new Baseline(o.inMemory() ? server : null, o.identity());
        PagewalkSide pagewalk = new PagewalkSide(o.inMemory() ? server : null, true, o.identity());
        PagewalkSide serial = new PagewalkSide(o.inMemory() ? server : null, false, o.identity())) {
      List<Side> all =
          List.of(
              new Side("baseline", baseline::run),
              new Side("pagewalk", pagewalk::run),
              new Side("pagewalk-serial", serial::run));
      List<Side> chosen = all.stream().filter(s -> o.sides().contains(s.name())).toList();
      new Compare(server, chosen, o).execute();
    }
  }

  void execute() throws IOException {
    warmUp();
    List<Long> sizes =
        options.scaling()
            ? List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L)
            : List.of(options.records());
    List<String> summary = new ArrayList<>();
    java.util.Map<String, java.util.Map<Long, Double>> seconds = new java.util.LinkedHashMap<>();
    for (long size : sizes) {
      for (Style style : options.styles()) {
        summary.add(measure(style, size, seconds));
      }
    }
    System.out.println("summary (median records/s; ratio = side/" + sides.get(0).name() + "):");
    summary.forEach(System.out::println);
    if (sizes.size() > 1) {
      System.out.println();
      System.out.println(
          "scaling (median wall seconds; linear = the same µs/record at every size):");
      seconds.forEach(
          (key, bySize) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-17s", key));
            bySize.forEach(
                (n, sec) ->
                    line.append(
                        String.format(
                            Locale.ROOT, "  %,9d: %7.2fs (%6.2f µs/rec)", n, sec, sec * 1e6 / n)));
            long first = sizes.get(0);
            long last = sizes.get(sizes.size() - 1);
            line.append(
                String.format(
                    Locale.ROOT,
                    "  time x%.0f for records x%d",
                    bySize.get(last) / bySize.get(first),
                    last / first));
            System.out.println(line);
          });
    }
    System.out.println(Machine.load());
  }

  /** Warm-up rounds; the first also checks that both sides write byte-identical output. */
  private void warmUp() throws IOException {
    long t0 = System.nanoTime();
    for (int round = 0; round < options.warmupRounds(); round++) {
      for (Style style : options.styles()) {
        Long checksum = null;
        for (Side side : sides) {
          Run r = once(side, style, options.warmupRecords(), options.warmupPageSize(), round == 0);
          if (round == 0) {
            if (checksum != null && checksum != r.checksum()) {
              throw new IllegalStateException(style.id() + ": the sides wrote different output");
            }
            checksum = r.checksum();
          }
        }
        if (round == 0 && sides.size() > 1) {
          System.out.printf(
              Locale.ROOT,
              "warm-up %s: output identical on both sides (%d records, crc32 %08x)%n",
              style.id(),
              options.warmupRecords(),
              checksum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "warm-up done in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);
  }

  private String measure(
      Style style, long records, java.util.Map<String, java.util.Map<Long, Double>> seconds)
      throws IOException {
    List<List<Run>> runs = new ArrayList<>();
    sides.forEach(s -> runs.add(new ArrayList<>()));
    for (int round = 0; round < options.rounds(); round++) {
      // alternate who goes first, so neither side always inherits the other's garbage
      for (int k = 0; k < sides.size(); k++) {
        int i = (round % 2 == 0) ? k : sides.size() - 1 - k;
        runs.get(i).add(once(sides.get(i), style, records, options.pageSize(), false));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s, page size %d, %,d records, %d rounds%n",
        style.id(),
        options.pageSize(),
        records,
        options.rounds());
    double[] medians = new double[sides.size()];
    double[] cpus = new double[sides.size()];
    for (int i = 0; i < sides.size(); i++) {
      List<Run> rs = runs.get(i);
      medians[i] = Forks.median(rs.stream().mapToDouble(Run::recordsPerSecond).toArray());
      seconds
          .computeIfAbsent(
              style.id() + " " + sides.get(i).name(), k -> new java.util.LinkedHashMap<>())
          .put(records, Forks.median(rs.stream().mapToDouble(r -> r.nanos() / 1e9).toArray()));
      double cpu =
          Forks.median(rs.stream().mapToDouble(r -> r.cpuNanos() / 1e3 / r.records()).toArray());
      cpus[i] = cpu;
      double wall =
          Forks.median(rs.stream().mapToDouble(r -> r.nanos() / 1e3 / r.records()).toArray());
      double alloc =
          Forks.median(
              rs.stream().mapToDouble(r -> (double) r.allocated() / r.records()).toArray());
      double gc = Forks.median(rs.stream().mapToDouble(r -> r.gcMillis()).toArray());
      System.out.printf(
          Locale.ROOT,
          "  %-15s %,11.0f rec/s  %6.3f µs/rec wall  %6.3f µs/rec client CPU  %,6.0f B/rec allocated  GC %4.0f ms"
              + "  peak heap %4d MB (after GC %3d MB)  runs: %s%n",
          sides.get(i).name(),
          medians[i],
          wall,
          cpu,
          alloc,
          gc,
          mb(rs.stream().mapToLong(Run::peakHeap).max().orElse(0)),
          mb(rs.stream().mapToLong(Run::peakAfterGc).max().orElse(0)),
          String.join(
              " ",
              rs.stream().map(r -> String.format(Locale.ROOT, "%.2fs", r.nanos() / 1e9)).toList()));
    }
    for (int i = 0; i < sides.size(); i++) {
      System.out.printf(
          Locale.ROOT,
          "%s %s %s %d %.1f %.4f%n",
          Forks.RESULT,
          style.id(),
          sides.get(i).name(),
          records,
          medians[i],
          cpus[i]);
    }
    if (sides.size() == 1) {
      System.out.println();
      return String.format(
          Locale.ROOT,
          "  %-6s page %5d  %,10d records  %s %,10.0f",
          style.id(),
          options.pageSize(),
          records,
          sides.get(0).name(),
          medians[0]);
    }
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "  %-6s page %5d  %,10d records  %s %,10.0f",
                style.id(),
                options.pageSize(),
                records,
                sides.get(0).name(),
                medians[0]));
    for (int i = 1; i < sides.size(); i++) {
      double ratio = medians[i] / medians[0];
      double cpuRatio = cpus[0] / cpus[i];
      String name = sides.get(i).name();
      System.out.printf(
          Locale.ROOT,
          "  ratio %s/%s: %.3f (records/s), %.3f (client CPU per record)%n",
          name,
          sides.get(0).name(),
          ratio,
          cpuRatio);
      line.append(
          String.format(
              Locale.ROOT,
              "  %s %,10.0f  ratio %.3f (CPU-time ratio %.3f)",
              name,
              medians[i],
              ratio,
              cpuRatio));
    }
    System.out.println();
    return line.toString();
  }

  private Run once(Side side, Style style, long records, int pageSize, boolean checksum)
      throws IOException {
    heap.reset();
    JsonLinesSink sink =
        options.outDir() == null
            ? JsonLinesSink.discarding(checksum)
            : JsonLinesSink.toFile(
                options.outDir().resolve(side.name() + "-" + style.id() + ".jsonl"), checksum);
    RunThreads.Snapshot before = threads.snapshot();
    long gc0 = gcMillis();
    long t0 = System.nanoTime();
    long n = side.walk().run(style, server.baseUrl(records), pageSize, sink);
    sink.close();
    long nanos = System.nanoTime() - t0;
    RunThreads.Snapshot used = threads.snapshot().since(before);
    long cpu = used.cpuNanos();
    long alloc = used.allocatedBytes();
    long gc = gcMillis() - gc0;
    if (n != records || sink.records() != records) {
      throw new IllegalStateException(
          side.name()
              + " "
              + style.id()
              + ": expected "
              + records
              + " records, got "
              + n
              + " (sink saw "
              + sink.records()
              + ")");
    }
    return new Run(
        n,
        nanos,
        cpu,
        alloc,
        gc,
        sink.bytes(),
        sink.checksum(),
        heap.peakUsed(),
        heap.peakAfterGc());
  }

  /**
   * Milliseconds all collectors have spent so far (pauses and concurrent work as each reports it).
   */
  private static long gcMillis() {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean gc :
        ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static long mb(long bytes) {
    return bytes >> 20;
  }
}
