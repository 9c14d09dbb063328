package dev.pagewalk.modular;

import com.sun.net.httpserver.HttpServer;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SyncMode;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.FileCheckpointStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * An embedder on the class path using pagewalk core from the module path: loads a spec (schema
 * validation, expression compilation), walks two pages of a loopback API, syncs them into a JSON
 * Lines file with a checkpoint, and tries to reach an internal type. Prints one line per fact;
 * {@link ModulePathTest} runs it in a child JVM.
 */
public final class Embedder {
  private static final String SPEC =
      """
      pagewalk: 1
      name: numbers
      baseUrl: http://127.0.0.1:1
      request:
        url: /numbers
        response:
          iterate: "{{body.items}}"
          output:
            n: "{{item.n}}"
            twice: "{{item.n * 2}}"
        pagination:
          url: "{{body.next}}"
          condition: "{{body.next != null}}"
      """;

  private Embedder() {}

  public static void main(String[] args) throws Exception {
    Module core = Plan.class.getModule();
    System.out.println(
        "module "
            + core.getName()
            + " exports "
            + new TreeSet<>(core.getDescriptor().exports().stream().map(e -> e.source()).toList()));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/numbers",
        exchange -> {
          boolean first = exchange.getRequestURI().getQuery() == null;
          String body =
              first
                  ? "{\"items\":[{\"n\":1},{\"n\":2}],\"next\":\"" + base + "/numbers?page=2\"}"
                  : "{\"items\":[{\"n\":3}],\"next\":null}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try (Runner runner = Runner.builder().build()) {
      Plan plan = Pagewalk.parse("numbers.yaml", SPEC);
      Runner.Collected run = runner.collect(plan, RunInput.empty().withBaseUrl(base));
      System.out.println(
          "stop "
              + run.result().stopReason().wireName()
              + ", records "
              + run.records().stream().map(r -> r.value()).toList());
      Path dir = Files.createTempDirectory("embedder");
      try (JsonLinesSink sink = JsonLinesSink.toFile(dir.resolve("numbers.jsonl"), dir)) {
        RunResult sync =
            runner.sync(plan, RunInput.empty().withBaseUrl(base), sink, SyncMode.REPLACE);
        Checkpoint saved = new FileCheckpointStore(dir).load("numbers").orElseThrow();
        System.out.println(
            "sync "
                + sync.stopReason().wireName()
                + ", "
                + Files.readAllLines(dir.resolve("numbers.jsonl")).size()
                + " lines, checkpoint "
                + saved.status()
                + " after "
                + saved.pagesDone()
                + " pages");
      }
      try {
        plan.getClass().getMethod("outputRequest").invoke(plan);
        System.out.println("internal reachable");
      } catch (IllegalAccessException e) {
        System.out.println("internal refused: " + plan.getClass().getName());
      }
    } finally {
      server.stop(0);
    }
  }
}
