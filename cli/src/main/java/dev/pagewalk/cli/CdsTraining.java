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
 * {@code validate} of a small spec and of a connector that uses most of the language (streams, a
 * parent, partitions, OAuth2, retry, a rate limit, functions and operators), and a three-page
 * {@code run} into a JSON Lines file, against a loopback server of its own. Every command starts in
 * {@link Main#execute}, as a real one does. Every later start maps the classes these loaded, parsed
 * and verified, from the archive instead of reading them from the jar (and the lambdas and string
 * concatenations they linked, instead of spinning them again); a class a command loads that the
 * training did not is read from the 43 MB jar, and opening the jar alone costs a short command ~20
 * ms. Exits non-zero when a command did not succeed, so that no archive of a broken run is kept.
 */
final class CdsTraining {
  static final String SPEC =
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

  static final String CONNECTOR =
      """
      pagewalk: 1
      name: cds-training-connector
      description: >-
        A folded block scalar and a parameter pattern, as most specs in specs/ have.
      baseUrl: http://127.0.0.1:1
      parameters:
        limit: {type: integer, default: 100, minimum: 1, maximum: 100}
        since: {type: string, default: "2024-01-01"}
        state: {type: string, default: open, enum: [open, closed]}
      connection:
        client_id: {type: string, required: true, pattern: "^[A-Za-z0-9_-]+$"}
        client_secret: {type: string, required: true, secret: true}
        refresh_token: {type: string, required: true, secret: true}
      auth:
        oauth2:
          grant: refresh_token
          tokenUrl: /oauth/token
          clientId: "{{connection.client_id}}"
          clientSecret: "{{connection.client_secret}}"
          clientAuth: body
          refreshToken: "{{connection.refresh_token}}"
      headers:
        Accept: application/json
      limits:
        maxRecords: unlimited
        maxRequests: 10000
        maxPaginationRequests: unlimited
      retry:
        on: [429, 500, 502, 503, 504, io]
        maxAttempts: 5
        backoff: {initial: 500ms, max: 30s, jitter: full}
        retryAfter: {honor: true, max: 2m}
        rateLimited:
          - status: 403
            bodyContains: rateLimitExceeded
        restartWalk:
          on: [{status: 422, bodyContains: ITERATOR_EXPIRED}]
          max: 3
      rateLimit: {requests: 25, per: 1s}
      concurrency: 2
      streams:
        customers:
          request:
            url: /v1/customers
            qs:
              limit: "{{parameters.limit}}"
              state: "{{if(parameters.state == 'open' || parameters.state == 'all', 'open', null)}}"
            response:
              valid: "{{!body.incomplete}}"
              iterate: "{{body.data}}"
              key: "{{item.id}}"
              output:
                id: "{{item.id}}"
                name: "{{item.first + ' ' + item.last}}"
                big: "{{item.amount > 100 && !item.deleted}}"
                count: "{{length(item.tags) * 2 - 1}}"
                tags: "{{join(map(item.tags, 'name'), ',')}}"
                when: "{{formatDate(item.created, 'YYYY-MM-DD')}}"
                id_hash: "{{hash(item.id, stream.name)}}"
              error:
                message: "{{if(body.error.type, body.error.type + ': ' + body.error.message, body.error)}}"
            pagination:
              qs: {starting_after: "{{last(body.data).id}}"}
              condition: "{{body.has_more}}"
        charges:
          parent: customers
          request:
            url: /v1/charges
            qs: {customer: "{{parent.id}}", limit: "{{parameters.limit}}"}
            response:
              iterate: "{{body.data}}"
              key: ["{{parent.id}}", "{{item.id}}"]
            pagination:
              qs: {page: "{{pagination.page}}"}
              condition: "{{length(body.data) > 0}}"
        events:
          partitions:
            dates: {from: "{{parameters.since}}", to: "{{now}}", step: 1d}
          request:
            url: /v1/events
            qs: {since: "{{partition.start}}", until: "{{partition.end}}"}
            response:
              iterate: "{{body.events}}"
              key: "{{item.id}}"
            pagination:
              qs: {offset: "{{pagination.offset}}"}
              condition: "{{pagination.offset < body.total}}"
        labels:
          partitions: {values: [open, closed]}
          request:
            url: "/v1/labels/{{partition}}"
            response: {iterate: "{{body}}", key: "{{item.name}}"}
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
      Path connector = dir.resolve("connector.yaml");
      Files.writeString(connector, CONNECTOR);
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      int failed =
          command("--version")
              + command("validate", spec.toString(), connector.toString())
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

  private static int command(String... args) throws IOException {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    int code = Main.execute(args, new CliEnvironment(Map.of(), false), out, out);
    out.flush();
    if (code != 0) {
      System.err.println(
          "pagewalk " + String.join(" ", args) + " exited with " + code + ": " + text);
    }
    return code;
  }
}
