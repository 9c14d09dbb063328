package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.json.RawJsonRecords;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector run into {@code --out DIR} copies the bytes of each item that is already in the form
 * it would be written in, as a one-request run into a file does ({@link ItemBytesCopyTest}): the
 * stream's file is byte for byte the one the values give written one by one.
 */
class ConnectorItemBytesCopyTest {
  @TempDir Path dir;

  private static final String CONNECTOR =
      """
      pagewalk: 1
      name: items
      baseUrl: %s
      streams:
        items:
          request:
            url: /items
            response:
              iterate:
                container: "{{body.data}}"
                condition: "{{item.id != 9}}"
              key: "{{item.id}}"
      """;

  @Test
  void theStreamFileIsTheOneTheValuesGive() throws Exception {
    try (LoopbackServer server = server()) {
      run(server, false);
      String expected =
          ItemBytesCopyTest.encoded(
              Pagewalk.parse("items.yaml", ItemBytesCopyTest.KEYED.formatted(server.uri(""))), 11);
      assertThat(Files.readString(dir.resolve("out/items.jsonl"))).isEqualTo(expected);
    }
  }

  /**
   * The sink is handed each canonical item's bytes, and writes them: with {@code "id"} turned into
   * {@code "ID"} in those bytes of the response, exactly the copied lines show it.
   */
  @Test
  void canonicalItemsReachTheFilesAsTheirBytes() throws Exception {
    try (LoopbackServer server = server()) {
      List<Long> copied = run(server, true);
      assertThat(copied).as("the items whose bytes were copied").isEqualTo(List.of(1L, 3L, 11L));
      String expected =
          ItemBytesCopyTest.encoded(
              Pagewalk.parse("items.yaml", ItemBytesCopyTest.KEYED.formatted(server.uri(""))), 11);
      List<String> lines = new ArrayList<>();
      for (String line : expected.split("\n")) {
        boolean copy =
            line.startsWith("{\"id\":1,")
                || line.startsWith("{\"id\":3,")
                || line.startsWith("{\"id\":11,");
        lines.add(copy ? "{\"ID\"" + line.substring("{\"id\"".length()) : line);
      }
      assertThat(Files.readAllLines(dir.resolve("out/items.jsonl"))).isEqualTo(lines);
    }
  }

  private static LoopbackServer server() {
    byte[] body =
        ("{\"data\":[" + ItemBytesCopyTest.ITEMS + "],\"next\":null}")
            .getBytes(StandardCharsets.UTF_8);
    return new LoopbackServer()
        .on(
            "/items",
            (exchange, request) -> {
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              LoopbackServer.send(exchange, 200, body);
            });
  }

  /**
   * Runs the connector into {@code out/}; the ids of the records whose bytes the sink was handed,
   * with {@code id} written {@code ID} in those bytes when {@code marked}.
   */
  private List<Long> run(LoopbackServer server, boolean marked) throws IOException {
    Plan plan = Pagewalk.parse("items.yaml", CONNECTOR.formatted(server.uri("")));
    List<Long> ids = new ArrayList<>();
    StreamsResult result;
    try (Runner runner = Runner.builder().sleeper(d -> {}).build();
        WalkSink files =
            WalkSink.jsonLinesDirectory(dir.resolve("out"), dir.resolve("state"), "items")) {
      WalkSink noting =
          new WalkSink() {
            @Override
            public Optional<Saved> load() throws IOException {
              return files.load();
            }

            @Override
            public void open(WriteMode mode, RunStart run) throws IOException {
              files.open(mode, run);
            }

            @Override
            public void commit(Page page) throws IOException {
              List<OutputRecord> records = page.records();
              if (records instanceof RawJsonRecords raw) {
                for (int i = 0; i < records.size(); i++) {
                  RawJson json = raw.rawJson(i);
                  if (json != null) {
                    ids.add((Long) ((Map<?, ?>) records.get(i).value()).get("id"));
                    if (marked) {
                      json.bytes()[json.from() + 2] = 'I';
                      json.bytes()[json.from() + 3] = 'D';
                    }
                  }
                }
              }
              files.commit(page);
            }
          };
      result =
          runner.syncStreams(
              plan, RunInput.empty(), List.of(), noting, SyncMode.APPEND, null, RunListener.NONE);
    }
    assertThat(result.streams().get(0).walks().get(0).stopReason())
        .isEqualTo(StopReason.NO_PAGINATION);
    return ids;
  }
}
