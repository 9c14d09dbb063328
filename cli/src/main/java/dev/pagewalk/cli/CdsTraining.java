package dev.pagewalk.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload the launcher records its class-data-sharing archive from ({@code java
 * -XX:ArchiveClassesAtExit=... -cp pagewalk.jar dev.pagewalk.cli.CdsTraining}): {@code --version},
 * {@code validate} and a three-page {@code run} into a JSON Lines file, against a loopback server
 * of its own. Every later start maps the classes these loaded, parsed and verified, from the
 * archive instead of reading them from the jar. Exits non-zero when a command did not succeed, so
 * that no archive of a broken run is kept.
 */
final class CdsTraining {
  private static final String SPEC =
      """
      pagewalk: 1
      name: cds-training
      baseUrl: http://127.0.0.1:1
      parameters:
        limit: {type: integer, default: 2}
      request:
        url: /items
        qs: {limit: "{{parameters.limit}}"}
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("pagewalk-cds");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/items",
        exchange -> {
          String query = String.valueOf(exchange.getRequestURI().getRawQuery());
          String body =
              query.contains("cursor=b")
                  ? "{\"data\":[{\"id\":\"c\",\"n\":3.50}],\"next\":null}"
                  : query.contains("cursor=a")
                      ? "{\"data\":[{\"id\":\"b\",\"n\":2}],\"next\":\"b\"}"
                      : "{\"data\":[{\"id\":\"a\",\"n\":1,\"tags\":[\"x\"]}],\"next\":\"a\"}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    try {
      Path spec = dir.resolve("spec.yaml");
      Files.writeString(spec, SPEC);
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      int failed =
          command("--version")
              + command("validate", spec.toString())
              + command(
                  "run",
                  spec.toString(),
                  "--base-url",
                  base,
                  "--out",
                  dir.resolve("out.jsonl").toString(),
                  "-q");
      if (failed != 0) {
        System.exit(1);
      }
    } finally {
      server.stop(0);
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static int command(String... args) {
    StringWriter text = new StringWriter();
    var cli = PagewalkCommand.commandLine(new CliEnvironment(Map.of(), false), args);
    cli.setOut(new PrintWriter(text));
    cli.setErr(new PrintWriter(text));
    int code = cli.execute(args);
    if (code != 0) {
      System.err.println(
          "pagewalk " + String.join(" ", args) + " exited with " + code + ": " + text);
    }
    return code;
  }
}
