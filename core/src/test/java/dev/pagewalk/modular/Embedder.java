package dev.pagewalk.modular;

import com.sun.net.httpserver.HttpServer;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SyncMode;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.Transport;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.FileCheckpointStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An embedder on the class path using pagewalk core from the module path: loads a spec (schema
 * validation, expression compilation), walks two pages of a loopback API, syncs them into a JSON
 * Lines file with a checkpoint, walks the same pages through its own in-memory {@link Transport}
 * (the exported SPI), reads the run's report, and tries to reach an internal type. Prints one line
 * per fact; {@link ModulePathTest} runs it in a child JVM.
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
          byte[] bytes = page(base, exchange.getRequestURI().getQuery() == null);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try (Runner runner = Runner.builder().build()) {
      Plan plan = Pagewalk.parse("numbers.yaml", SPEC);
      Runner.Collected run = runner.collect(plan, RunInput.empty().withBaseUrl(base));
      Verdict verdict = run.result().report().verdict();
      System.out.println(
          "stop "
              + run.result().stopReason().wireName()
              + ", records "
              + run.records().stream().map(r -> r.value()).toList()
              + ", verdict "
              + verdict);
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
      List<String> sent = new CopyOnWriteArrayList<>();
      Transport memory =
          (request, exchange) -> {
            sent.add(request.toString());
            return Transport.Response.of(
                200,
                "OK",
                Headers.of(List.of(Map.entry("Content-Type", "application/json"))),
                page("http://numbers.test", request.uri().getQuery() == null));
          };
      try (Runner own = Runner.builder().transport(memory).build()) {
        RunResult result =
            own.collect(plan, RunInput.empty().withBaseUrl("http://numbers.test")).result();
        System.out.println(
            "own transport sent "
                + sent
                + ", stop "
                + result.stopReason().wireName()
                + ", report: "
                + result.report().records().get("emitted")
                + " records, verdict "
                + result.report().verdict()
                + ", JSON "
                + result.report().toJson().lines().filter(l -> l.contains("\"verdict\"")).toList());
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

  /** The first or the second and last page of the numbers API at {@code base}. */
  private static byte[] page(String base, boolean first) {
    String body =
        first
            ? "{\"items\":[{\"n\":1},{\"n\":2}],\"next\":\"" + base + "/numbers?page=2\"}"
            : "{\"items\":[{\"n\":3}],\"next\":null}";
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
