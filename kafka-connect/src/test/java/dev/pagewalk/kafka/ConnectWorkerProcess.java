package dev.pagewalk.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plain Kafka Connect worker in a child JVM: {@code ConnectDistributed} with a worker properties
 * file, Kafka's own jars on its class path and the connector only in a folder on its {@code
 * plugin.path}, as a user runs one. {@link #kill()} is SIGKILL.
 */
final class ConnectWorkerProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private ConnectWorkerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a worker with {@code worker} (without its REST listener) and the class path {@code
   * classPath} ({@link #kafkaClassPath}) in {@code dir}.
   */
  static ConnectWorkerProcess start(Properties worker, String classPath, Path dir, String name)
      throws IOException {
    int port = freePort();
    Properties props = new Properties();
    props.putAll(worker);
    props.put("listeners", "http://127.0.0.1:" + port);
    props.put("rest.advertised.host.name", "127.0.0.1");
    props.put("rest.advertised.port", Integer.toString(port));
    Path file = dir.resolve(name + ".properties");
    try (Writer out = Files.newBufferedWriter(file)) {
      props.store(out, "a plain Connect worker");
    }
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Xmx384m");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-Dorg.slf4j.simpleLogger.log.dev.pagewalk=info");
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-cp");
    command.add(classPath);
    command.add("org.apache.kafka.connect.cli.ConnectDistributed");
    command.add(file.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ConnectWorkerProcess(process, port, log);
  }

  /** Jars of this test's class path that a Connect worker does not run with. */
  private static final List<String> NOT_THE_WORKERS =
      List.of(
          "kafka_2.13-", // the broker
          "scala-",
          "kafka-test-common-",
          "-test.jar",
          "junit-",
          "opentest4j-",
          "apiguardian-",
          "assertj-",
          "byte-buddy-",
          "wiremock-");

  /**
   * Kafka Connect's jars from this test's class path: not pagewalk's modules, not the broker's or
   * the tests' jars, and not the jars of the plugin's {@code lib/} ({@code pluginLibraries}, file
   * names) except Jackson, which Connect's JSON converter needs as well — so a jar missing from the
   * plugin archive fails the test instead of being found on the worker's class path.
   */
  static String kafkaClassPath(Set<String> pluginLibraries) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(p -> Path.of(p).toAbsolutePath().normalize())
        .filter(p -> p.toString().endsWith(".jar"))
        .filter(p -> !p.toString().contains(File.separator + "pagewalk"))
        .filter(p -> NOT_THE_WORKERS.stream().noneMatch(p.getFileName().toString()::contains))
        .filter(
            p ->
                !pluginLibraries.contains(p.getFileName().toString())
                    || p.getFileName().toString().startsWith("jackson-"))
        .map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The worker id Connect reports for tasks this worker runs. */
  String id() {
    return "127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the REST API answers {@code GET /}; fails if the JVM exits first. */
  void awaitUp(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "worker " + id() + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (get("/").statusCode() == 200) {
          return;
        }
      } catch (ConnectException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("worker " + id() + " did not answer in " + timeout + "; see " + log);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> put(String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
