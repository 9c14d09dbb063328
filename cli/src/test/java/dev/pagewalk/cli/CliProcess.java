package dev.pagewalk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code pagewalk} command line in a child JVM ({@link Main}, this test's class
 * path), with stdout and stderr in files, so tests see what an operator sees: the exit code of a
 * real process, real signals, files left behind by a killed run.
 */
final class CliProcess {
  private final Path workDir;
  private final Map<String, String> environment;
  private final List<String> jvmOptions;

  private CliProcess(Path workDir, Map<String, String> environment, List<String> jvmOptions) {
    this.workDir = workDir;
    this.environment = environment;
    this.jvmOptions = jvmOptions;
  }

  /** Child processes started in {@code workDir}, with these extra environment variables. */
  static CliProcess in(Path workDir, Map<String, String> environment) {
    return new CliProcess(workDir, Map.copyOf(environment), List.of());
  }

  /** The same, with an extra option for the child JVM (such as {@code -Xmx256m}). */
  CliProcess withJvmOption(String option) {
    List<String> options = new ArrayList<>(jvmOptions);
    options.add(option);
    return new CliProcess(workDir, environment, List.copyOf(options));
  }

  /** Runs to the end (at most {@code timeout}) and returns what it did. */
  Result run(Duration timeout, String... args) throws IOException, InterruptedException {
    return start(args).waitFor(timeout);
  }

  /** Starts the command; the caller waits, signals or kills it. */
  Running start(String... args) throws IOException {
    return start(null, args);
  }

  /**
   * Starts the command with its stdout sent to {@code stdout} (a device such as {@code /dev/full})
   * instead of a file the test reads; null: to a file, as {@link #start(String...)}.
   */
  Running start(java.io.File stdout, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(stdout != null ? stdout : out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(environment);
    return new Running(pb.start(), out, err);
  }

  /** A started child process. */
  static final class Running {
    final Process process;
    private final Path out;
    private final Path err;

    Running(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    /** Sends a real signal ({@code INT}, {@code TERM}, {@code KILL}) with {@code kill(1)}. */
    void signal(String name) throws IOException, InterruptedException {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IOException("kill -" + name + " " + process.pid() + " failed");
      }
    }

    /** What the process printed so far on stderr. */
    String errSoFar() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** What the process printed so far on stdout. */
    String outSoFar() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    Result waitFor(Duration timeout) throws IOException, InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "pagewalk did not end within " + timeout + "; stderr:\n" + errSoFar());
      }
      return new Result(process.exitValue(), outSoFar(), errSoFar());
    }
  }

  /** What a finished command did: its exit code and everything it printed. */
  record Result(int code, String out, String err) {}
}
