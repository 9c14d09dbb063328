package dev.pagewalk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command run as a child process, measured from outside: wall time, CPU (user + system) and
 * peak resident memory. With {@code /usr/bin/time} (GNU time) present, its figures are used (the
 * kernel's rusage of the finished process); without it, {@code /proc/PID} is read every 5 ms until
 * the process ends (VmHWM is the kernel's own peak, so only the CPU of the last 5 ms can be
 * missed).
 */
record Measured(double wallSeconds, double cpuSeconds, long peakRssKb, String output) {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  /** Which way figures are taken on this machine, for the report. */
  static String method() {
    return Files.isExecutable(GNU_TIME)
        ? "/usr/bin/time (rusage: elapsed, user+sys, max RSS)"
        : "/proc/PID/stat and VmHWM, polled every 5 ms (no /usr/bin/time here)";
  }

  static Measured run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Path log = Files.createTempFile("pagewalk-whole", ".log");
    try {
      return Files.isExecutable(GNU_TIME)
          ? withGnuTime(command, workDir, log)
          : polled(command, workDir, log);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Measured withGnuTime(List<String> command, Path workDir, Path log)
      throws IOException, InterruptedException {
    Path figures = Files.createTempFile("pagewalk-whole", ".time");
    try {
      List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M"));
      timed.addAll(List.of("-o", figures.toString()));
      timed.addAll(command);
      String output = finish(start(timed, workDir, log), command, log);
      String[] f = Files.readString(figures).trim().split("\\s+");
      return new Measured(
          Double.parseDouble(f[0]),
          Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
          Long.parseLong(f[3]),
          output);
    } finally {
      Files.deleteIfExists(figures);
    }
  }

  private static Measured polled(List<String> command, Path workDir, Path log)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = start(command, workDir, log);
    Path proc = Path.of("/proc", Long.toString(p.pid()));
    long peak = 0;
    long ticks = 0;
    while (p.isAlive()) {
      try {
        peak = Math.max(peak, hwmKb(Files.readString(proc.resolve("status"))));
        ticks = cpuTicks(Files.readString(proc.resolve("stat")));
      } catch (IOException gone) {
        // the process ended between isAlive and the read
      }
      Thread.sleep(5);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    String output = finish(p, command, log);
    return new Measured(wall, ticks / 100.0, peak, output);
  }

  private static Process start(List<String> command, Path workDir, Path log) throws IOException {
    return new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static String finish(Process p, List<String> command, Path log)
      throws IOException, InterruptedException {
    int exit = p.waitFor();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IOException(
          String.join(" ", command) + " exited with " + exit + ":\n" + output.strip());
    }
    return output;
  }

  static long hwmKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring(6).replace("kB", "").trim());
      }
    }
    return 0;
  }

  /** utime + stime (fields 14 and 15), counted after the command name in parentheses. */
  static long cpuTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  String figures() {
    return String.format(
        Locale.ROOT,
        "%6.2f s wall %6.2f s CPU %6d MB peak RSS",
        wallSeconds,
        cpuSeconds,
        peakRssKb / 1024);
  }
}
