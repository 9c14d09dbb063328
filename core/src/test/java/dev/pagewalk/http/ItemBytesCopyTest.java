package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.SyncMode;
import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.json.RawJsonRecords;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JSON Lines file written from a spec whose output is the item copies the bytes of each item that
 * is already in the form it would be written in, and encodes the others: the file is byte for byte
 * the one the records' values give written one by one, however the body arrives.
 */
class ItemBytesCopyTest {
  @TempDir Path dir;

  /** Awkward items; the comment says whether their bytes are copied. */
  static final String ITEMS =
      String.join(
          ",",
          "{\"id\":1,\"name\":\"Zoë ☃\",\"n\":1.50,\"big\":123456789012345678901234567890}", // copied
          "{\"id\": 2, \"name\":\"b\"}",
          "{\"id\":3,\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"neg\":-0.5}", // copied
          "{\"id\":4,\"v\":1,\"v\":2}",
          "{\"id\":5,\"x\":1e2}",
          "{\"id\":6,\"e\":\"😀\"}",
          "{\"id\":7,\"u\":\"http:\\/\\/x\"}",
          "{\"id\":8,\"o\":{\"a\":1,\"a\":[2]}}",
          "{\"id\":9,\"o\":{\"a\":[1,{\"b\":null}],\"t\":true}}", // filtered out
          "{\"id\":10,\n\"x\":-0}",
          "{\"id\":11,\"a\":[],\"b\":{},\"c\":[[]]}", // copied
          "{\"id\":12,\"esc\":\"\\u00e9\\u001f\"}");

  /** How the page arrives. */
  enum Arrival {
    /** application/json: parsed as it arrives. */
    STREAMED,
    /** No Content-Type: read whole, then decoded from its bytes. */
    WHOLE,
    /** Gzipped: the decompressed bytes are the ones parsed and kept. */
    GZIPPED,
    /** With a byte order mark before the JSON. */
    BOM,
    /** ISO-8859-1: decoded from text, so nothing can be copied. */
    LATIN1
  }

  static final String KEYED =
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

  @ParameterizedTest(name = "{0}")
  @EnumSource(Arrival.class)
  void theFileIsTheOneTheValuesGiveAndCanonicalItemsAreCopied(Arrival arrival) throws Exception {
    String body = "{\"data\":[" + ITEMS + "],\"next\":null}";
    if (arrival == Arrival.LATIN1) {
      body = body.replace("😀", "x"); // not in Latin-1
    }
    byte[] bytes =
        arrival == Arrival.LATIN1
            ? body.getBytes(StandardCharsets.ISO_8859_1)
            : body.getBytes(StandardCharsets.UTF_8);
    if (arrival == Arrival.BOM) {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] with = new byte[bytes.length + 3];
      System.arraycopy(bom, 0, with, 0, 3);
      System.arraycopy(bytes, 0, with, 3, bytes.length);
      bytes = with;
    }
    byte[] sent = arrival == Arrival.GZIPPED ? Gzip.compress(bytes) : bytes;
    try (LoopbackServer server =
        new LoopbackServer()
            .on(
                "/items",
                (exchange, request) -> {
                  var headers = exchange.getResponseHeaders();
                  switch (arrival) {
                    case STREAMED, BOM -> headers.add("Content-Type", "application/json");
                    case GZIPPED -> {
                      headers.add("Content-Type", "application/json");
                      headers.add("Content-Encoding", "gzip");
                    }
                    case LATIN1 ->
                        headers.add("Content-Type", "application/json; charset=ISO-8859-1");
                    case WHOLE -> {}
                  }
                  LoopbackServer.send(exchange, 200, sent);
                })) {
      Plan plan = Pagewalk.parse("items.yaml", KEYED.formatted(server.uri("")));
      Copies copies = written(plan);
      assertThat(Files.readString(copies.file)).isEqualTo(encoded(plan, 11));
      assertThat(copies.ids)
          .as("the items whose bytes were copied")
          .isEqualTo(arrival == Arrival.LATIN1 ? List.of() : List.of(1L, 3L, 11L));
    }
  }

  private static final String KEYLESS =
      """
      pagewalk: 1
      name: items
      baseUrl: %s
      request:
        url: /items
        response:
          iterate: "{{body.data}}"
      """;

  private static final String PROJECTED =
      KEYLESS + "    key: \"{{item.id}}\"\n    output: {id: \"{{item.id}}\"}\n";

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"keyless", "projected"})
  void withoutAKeyItemsAreCopiedTooAndAnOutputOtherThanTheItemIsAlwaysEncoded(String which)
      throws Exception {
    byte[] body = ("[" + ITEMS + "]").getBytes(StandardCharsets.UTF_8);
    try (LoopbackServer server =
        new LoopbackServer()
            .on(
                "/items",
                (exchange, request) -> {
                  exchange.getResponseHeaders().add("Content-Type", "application/json");
                  LoopbackServer.send(
                      exchange,
                      200,
                      ("{\"data\":" + new String(body, StandardCharsets.UTF_8) + "}")
                          .getBytes(StandardCharsets.UTF_8));
                })) {
      String spec = which.equals("keyless") ? KEYLESS : PROJECTED;
      Plan plan = Pagewalk.parse("items.yaml", spec.formatted(server.uri("")));
      Copies copies = written(plan);
      assertThat(Files.readString(copies.file)).isEqualTo(encoded(plan, 12));
      assertThat(copies.ids)
          .isEqualTo(which.equals("keyless") ? List.of(1L, 3L, 9L, 11L) : List.of());
    }
  }

  /** The JSON Lines the values of a plain run give, each written with the writer. */
  static String encoded(Plan plan, int records) throws IOException {
    Runner.Collected c;
    try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      c = runner.collect(plan, RunInput.empty());
    }
    assertThat(c.result().stopReason()).isEqualTo(StopReason.NO_PAGINATION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      for (OutputRecord r : c.records()) {
        writer.write(r.value());
      }
    }
    assertThat(c.records()).hasSize(records);
    return out.toString(StandardCharsets.UTF_8);
  }

  private record Copies(Path file, List<Long> ids) {}

  /** A run into a JSON Lines file, noting the records whose bytes the sink was given to copy. */
  private Copies written(Plan plan) {
    Path file = dir.resolve("items.jsonl");
    List<Long> ids = new ArrayList<>();
    JsonLinesSink lines = JsonLinesSink.toFile(file, dir.resolve("state"));
    RecordSink noting =
        new RecordSink() {
          @Override
          public Optional<Checkpoint> checkpoint(String stream) throws IOException {
            return lines.checkpoint(stream);
          }

          @Override
          public void open(String stream, Checkpoint resumeFrom) throws IOException {
            lines.open(stream, resumeFrom);
          }

          @Override
          public void open(WriteMode mode, String stream, Checkpoint resumeFrom)
              throws IOException {
            lines.open(mode, stream, resumeFrom);
          }

          @Override
          public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
            if (records instanceof RawJsonRecords raw) {
              for (int i = 0; i < records.size(); i++) {
                if (raw.rawJson(i) != null) {
                  ids.add((Long) ((Map<?, ?>) records.get(i).value()).get("id"));
                }
              }
            }
            lines.write(records, after);
          }

          @Override
          public void close() throws IOException {
            lines.close();
          }
        };
    RunResult result;
    try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
      result = runner.sync(plan, RunInput.empty(), noting, SyncMode.APPEND);
    }
    assertThat(result.stopReason()).isEqualTo(StopReason.NO_PAGINATION);
    return new Copies(file, ids);
  }
}
