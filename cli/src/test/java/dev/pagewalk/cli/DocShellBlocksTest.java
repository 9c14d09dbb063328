package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs' shell blocks run as written: every shell block of the READMEs and of {@code docs/}
 * ({@link DocShellBlocks}) runs with bash in a copy of {@code docs/} and {@code specs/}, with
 * {@code ./pagewalk}, {@code pagewalk} and {@code java -jar cli/target/pagewalk.jar} mapped to the
 * real command line ({@link Main} on this test's class path, in a child JVM) and ports 8080, 8081
 * and 8082 to free ones. Each command's exit code is checked (0 unless the block's {@code exits}
 * directive says otherwise), and every output line the doc shows must be printed (lines with {@code
 * ...} are elisions; durations and UUIDs may differ). A block that cannot run offline is skipped by
 * its {@code <!-- doc-test: skip (why) -->} comment; the skips and their reasons are reported.
 * Blocks of one document share its copy and its background commands, in order.
 */
class DocShellBlocksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern PROMPTED_PAGEWALK =
      Pattern.compile("(^|[\\s;&|(])(\\./)?pagewalk(?=\\s|$)");
  private static final Pattern PORT = Pattern.compile("--port ([0-9]+)");
  private static final List<Process> STARTED = new ArrayList<>();
  private static final List<String> SKIPPED = new ArrayList<>();

  @TempDir static Path tmp;

  static List<Path> documents() {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> modules = Files.list(ROOT);
        Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
      modules
          .map(m -> m.resolve("README.md"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(docs::add);
      pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  @Test
  void findsTheTutorialAndTheReadmes() {
    assertThat(documents())
        .map(p -> ROOT.relativize(p).toString())
        .contains(
            "README.md",
            "docs/tutorial.md",
            "sinks/README.md",
            "specs/README.md",
            "cli/README.md",
            "conformance-tests/README.md");
  }

  @TestFactory
  Stream<DynamicNode> everyShellBlockRunsAsWritten() throws IOException {
    Path bin = wrapper();
    return documents().stream()
        .map(
            doc -> {
              String name = ROOT.relativize(doc).toString();
              List<DocShellBlocks.Block> blocks = DocShellBlocks.parse(read(doc));
              DocRun run = new DocRun(name, bin);
              List<DynamicNode> tests = new ArrayList<>();
              for (DocShellBlocks.Block b : blocks) {
                tests.add(DynamicTest.dynamicTest(name + ":" + b.line(), () -> run.block(b)));
              }
              tests.add(DynamicTest.dynamicTest(name + ": background commands stop", run::stop));
              return DynamicContainer.dynamicContainer(name, tests);
            });
  }

  @AfterAll
  static void stopAndReport() {
    STARTED.forEach(DocShellBlocksTest::kill);
    System.out.println("doc test: " + SKIPPED.size() + " shell blocks skipped:");
    SKIPPED.forEach(s -> System.out.println("  " + s));
  }

  /** One document's run: its copy of the repository's docs and the commands it left running. */
  private static final class DocRun {
    private final String name;
    private final Path bin;
    private final List<Process> background = new ArrayList<>();
    private Path work;
    private int port;
    private int secondPort;
    private int thirdPort;

    DocRun(String name, Path bin) {
      this.name = name;
      this.bin = bin;
    }

    void block(DocShellBlocks.Block b) throws Exception {
      assertThat(b.directive())
          .as("%s:%d: unknown doc-test directive", name, b.line())
          .matches("|skip \\(.+\\)|exits( [0-9]+)+");
      if (b.skip() != null) {
        SKIPPED.add(name + ":" + b.line() + ": " + b.skip());
        Assumptions.abort("skipped: " + b.skip());
      }
      if (work == null) {
        work = Files.createDirectories(tmp.resolve(name.replace('/', '_')));
        copy(ROOT.resolve("docs"), work.resolve("docs"));
        copy(ROOT.resolve("specs"), work.resolve("specs"));
        port = freePort();
        secondPort = freePort();
        thirdPort = freePort();
      }
      for (int i = 0; i < b.commands().size(); i++) {
        DocShellBlocks.Command c = b.commands().get(i);
        String where = name + ":" + b.line() + ": " + c.text();
        long started = System.nanoTime();
        if (c.background()) {
          startInBackground(c, where);
        } else {
          Result r = runCommand(local(c.text()));
          assertThat(r.code())
              .as("%s exit code; output:%n%s", where, r.output())
              .isEqualTo(b.expectedExit(i));
          assertShows(c.output(), r.output(), where);
        }
        System.out.printf(
            "doc test: %,d ms %s%n", (System.nanoTime() - started) / 1_000_000, where);
      }
    }

    void stop() {
      background.forEach(DocShellBlocksTest::kill);
    }

    private void startInBackground(DocShellBlocks.Command c, String where) throws Exception {
      String command = local(c.text());
      Matcher p = PORT.matcher(command);
      assertThat(p.find()).as("%s: a background command must name its --port", where).isTrue();
      Path out = Files.createTempFile(work, "background", ".txt");
      Process process =
          shell("exec " + command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      background.add(process);
      STARTED.add(process);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!listening(Integer.parseInt(p.group(1)))) {
        assertThat(process.isAlive())
            .as("%s ended early:%n%s", where, Files.readString(out))
            .isTrue();
        assertThat(System.nanoTime())
            .as("%s is not listening after 30 s", where)
            .isLessThan(deadline);
        Thread.sleep(100);
      }
      List<String> shown = c.output().stream().map(this::local).toList();
      while (!missing(shown, Files.readString(out)).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertShows(c.output(), Files.readString(out), where);
    }

    /** The command as run here: the real command line for pagewalk, free ports for 8080-8082. */
    private String local(String text) {
      String t = text.replace("java -jar cli/target/pagewalk.jar", "pagewalk");
      t = PROMPTED_PAGEWALK.matcher(t).replaceAll("$1pagewalk");
      return t.replaceAll("\\b8080\\b", Integer.toString(port))
          .replaceAll("\\b8081\\b", Integer.toString(secondPort))
          .replaceAll("\\b8082\\b", Integer.toString(thirdPort));
    }

    private void assertShows(List<String> shown, String output, String where) {
      List<String> missing = missing(shown.stream().map(this::local).toList(), output);
      assertThat(missing)
          .as("%s: lines the doc shows that were not printed; output:%n%s", where, output)
          .isEmpty();
    }

    private Result runCommand(String command) throws IOException, InterruptedException {
      Path out = Files.createTempFile(work, "command", ".txt");
      Process process =
          shell(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      STARTED.add(process);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill(process);
        throw new AssertionError(command + " did not end within 60 s:\n" + Files.readString(out));
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private ProcessBuilder shell(String command) {
      ProcessBuilder pb =
          new ProcessBuilder("bash", "-c", command)
              .directory(work.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      return pb;
    }
  }

  private record Result(int code, String output) {}

  /** The doc's output lines (elisions and blank lines aside) that {@code output} lacks. */
  static List<String> missing(List<String> shown, String output) {
    List<String> printed = output.lines().map(DocShellBlocksTest::normal).toList();
    return shown.stream()
        .filter(l -> !l.isBlank() && !l.contains("...") && !l.contains("…"))
        .filter(l -> !printed.contains(normal(l)))
        .toList();
  }

  private static String normal(String line) {
    return line.strip()
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
        .replaceAll("\\([0-9.]+(ms|s)\\)", "(<t>)")
        .replaceAll(" in [0-9.]+(ms|s)\\b", " in <t>");
  }

  private static Path wrapper() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path script = bin.resolve("pagewalk");
    Files.writeString(
        script,
        "#!/bin/sh\nexec "
            + quote(java)
            + " -Xshare:auto -XX:+UseSerialGC"
            + " -XX:TieredStopAtLevel=1 -cp "
            + quote(System.getProperty("java.class.path"))
            + " "
            + Main.class.getName()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static String read(Path doc) {
    try {
      return Files.readString(doc, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
