package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.SyncMode;
import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.json.RawJsonRecords;
import dev.pagewalk.sink.ForwardingSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pagewalk run SPEC} to stdout copies the bytes of each item that is already in the form it
 * would be written in, as {@code --out FILE.jsonl} does: stdout is character for character the
 * values written one by one.
 */
class StdoutItemBytesCopyTest {
  /** Awkward items; the comment says whether their bytes are copied. */
  private static final String ITEMS =
      String.join(
          ",",
          "{\"id\":1,\"name\":\"Zoë ☃\",\"n\":1.50,\"big\":123456789012345678901234567890}", // copied
          "{\"id\": 2, \"name\":\"b\"}",
          "{\"id\":3,\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"neg\":-0.5}", // copied
          "{\"id\":5,\"x\":1e2}",
          "{\"id\":6,\"e\":\"😀\"}",
          "{\"id\":7,\"u\":\"http:\\/\\/x\"}",
          "{\"id\":9,\"o\":{\"a\":[1,{\"b\":null}],\"t\":true}}", // filtered out
          "{\"id\":11,\"a\":[],\"b\":{},\"c\":[[]]}"); // copied

  private static final String SPEC =
      """
      pagewalk: 1
      name: items
      baseUrl: %s
      request:
        url: /items
        response:
          iterate:
            container: "{{body.data}}"
            condition: "{{item.id != 9}}"
          key: "{{item.id}}"
      """;

  @TempDir Path dir;
  private HttpServer server;
  private Plan plan;

  @BeforeEach
  void serve() throws IOException {
    byte[] body = ("{\"data\":[" + ITEMS + "],\"next\":null}").getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/items",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    plan = Pagewalk.parse("items.yaml", spec());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String spec() {
    return SPEC.formatted("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void stdoutIsTheValuesWrittenOneByOne() throws IOException {
    Path file = dir.resolve("items.yaml");
    Files.writeString(file, spec());

    Cli.Result run = Cli.plain().run("run", file.toString(), "--quiet");

    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo(encoded());
  }

  /**
   * The stdout sink is handed each canonical item's bytes, and writes them: with {@code "id"}
   * turned into {@code "ID"} in those bytes of the response, exactly the copied lines show it.
   */
  @Test
  void canonicalItemsReachStdoutAsTheirBytes() throws IOException {
    StringWriter stdout = new StringWriter();
    List<Long> copied = new ArrayList<>();
    RunResult result;
    try (JsonLinesOut lines = JsonLinesOut.writingTo(new PrintWriter(stdout), false);
        RecordSink sink = SinkTarget.open(null, dir.resolve("state"), lines);
        Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      RecordSink marking =
          new ForwardingSink(sink) {
            @Override
            public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
              if (records instanceof RawJsonRecords raw) {
                for (int i = 0; i < records.size(); i++) {
                  RawJson json = raw.rawJson(i);
                  if (json != null) {
                    copied.add((Long) ((Map<?, ?>) records.get(i).value()).get("id"));
                    json.bytes()[json.from() + 2] = 'I';
                    json.bytes()[json.from() + 3] = 'D';
                  }
                }
              }
              super.write(records, after);
            }
          };
      result = runner.sync(plan, RunInput.empty(), marking, SyncMode.APPEND);
    }
    assertThat(result.stopReason()).isEqualTo(StopReason.NO_PAGINATION);
    assertThat(copied).as("the items whose bytes were copied").isEqualTo(List.of(1L, 3L, 11L));
    List<String> expected = new ArrayList<>();
    for (String line : encoded().split("\n")) {
      boolean copy =
          line.startsWith("{\"id\":1,")
              || line.startsWith("{\"id\":3,")
              || line.startsWith("{\"id\":11,");
      expected.add(copy ? "{\"ID\"" + line.substring("{\"id\"".length()) : line);
    }
    assertThat(stdout.toString()).isEqualTo(String.join("\n", expected) + "\n");
  }

  /** The values of a plain run, each written with the writer stdout is written with. */
  private String encoded() throws IOException {
    Runner.Collected c;
    try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      c = runner.collect(plan, RunInput.empty());
    }
    assertThat(c.records()).hasSize(7);
    StringWriter out = new StringWriter();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      for (OutputRecord r : c.records()) {
        writer.write(r.value());
      }
    }
    return out.toString();
  }
}
