package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With the item as the output, the items are decoded only as far as the spec reads them (key,
 * condition, order, cursor, sequential id — here all from a nested object), and each record is the
 * item whole: copied as its bytes where they are canonical and never decoded when nothing reads it,
 * decoded whole from its bytes otherwise. Every output is the one the items decoded whole give.
 */
class SentItemsTest {
  @TempDir Path dir;

  /** The items of the page, in order of {@code meta.seq}. */
  static final List<String> ITEMS =
      List.of(
          "{\"meta\":{\"id\":\"a\",\"seq\":1,\"at\":\"2024-01-01T00:00:00Z\",\"kind\":\"x\"},\"name\":\"Zoë ☃\",\"n\":1.50,"
              + "\"tags\":[\"t\",{\"k\":null}],\"big\":123456789012345678901234567890}",
          "{\"meta\": {\"id\":\"b\",\"seq\":2,\"at\":\"2024-01-02T00:00:00Z\",\"kind\":\"x\"}, \"name\":\"b\"}",
          "{\"meta\":{\"id\":\"c\",\"seq\":3,\"at\":\"2024-01-03T00:00:00Z\",\"kind\":\"x\"},\"x\":1e2}",
          "{\"meta\":{\"id\":\"d\",\"seq\":4,\"at\":\"2024-01-04T00:00:00Z\",\"kind\":\"x\"},\"o\":{\"a\":1,\"a\":[2]}}",
          "{\"meta\":{\"id\":\"e\",\"seq\":5,\"at\":\"2024-01-05T00:00:00Z\",\"kind\":\"x\"},\"v\":1,\"v\":2}",
          "{\"meta\":{\"id\":\"f\",\"seq\":6,\"at\":\"2024-01-06T00:00:00Z\",\"kind\":\"x\",\"kind\":\"y\"}}",
          "{\"meta\":{\"id\":\"g\",\"seq\":7,\"at\":\"2024-01-07T00:00:00Z\",\"kind\":\"skip\"},\"z\":1}",
          "{\"meta\":{\"id\":\"a\",\"seq\":8,\"at\":\"2024-01-08T00:00:00Z\",\"kind\":\"x\"},\"repeat\":true}",
          "{\"meta\":{\"id\":\"h\",\"seq\":9,\"at\":\"2024-01-09T00:00:00Z\",\"kind\":\"x\"},\"e\":\"😀\"}",
          "{\"meta\":{\"id\":\"i\",\"seq\":10,\"at\":\"2024-01-10T00:00:00Z\",\"kind\":\"x\"},\"a\":[],\"b\":{},\"c\":[[{\"q\":\"r\"}]]}",
          "{\"name\":\"j\",\"meta\":{\"kind\":\"x\",\"seq\":11,\"at\":\"2024-01-11T00:00:00Z\",\"id\":\"j\"}}",
          "{\"meta\":{\"id\":\"k\",\"seq\":12,\"at\":\"2024-01-12T00:00:00Z\",\"kind\":\"x\",\"more\":{\"p\":1,\"p\":2}}}",
          "{\"meta\":{\"id\":\"l\",\"seq\":13,\"at\":\"2024-01-13T00:00:00Z\",\"kind\":\"x\"},\"s\":\"a\\\"b\\\\c\\nd\\u0001\"}");

  /** The items delivered: all but the one filtered out (g) and the repeated key (a again). */
  static final List<Integer> DELIVERED = List.of(0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12);

  /** The delivered items whose bytes are canonical: copied, and never decoded. */
  static final List<Integer> COPIED = List.of(0, 9, 10, 12);

  static final String RESPONSE =
      """
        response:
          iterate:
            container: "{{body.data}}"
            condition: "{{item.meta.kind != 'skip'}}"
          key: "{{item.meta.id}}"
      """;

  static final String READS =
      """
      sync:
        order: [meta.seq]
        incremental: {cursor: "{{item.meta.at}}", tieBreaker: "{{item.meta.id}}"}
      audit:
        sequentialId: "{{item.meta.seq}}"
      """;

  static final String SPEC =
      "pagewalk: 1\nname: items\nbaseUrl: %s\nrequest:\n  url: /items\n" + RESPONSE + READS;

  /** How the page arrives. */
  enum Arrival {
    /** application/json: parsed as it arrives. */
    STREAMED,
    /** No Content-Type: read whole, then decoded from its bytes. */
    WHOLE,
    /** ISO-8859-1: decoded from text, so no bytes are kept and every item is decoded whole. */
    LATIN1
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Arrival.class)
  void theFileAndTheRecordsAreTheOnesTheItemsDecodedWholeGive(Arrival arrival) throws Exception {
    try (LoopbackServer server = server(arrival)) {
      Plan plan = Pagewalk.parse("items.yaml", SPEC.formatted(server.uri("")));
      List<Object> values = new ArrayList<>();
      Path file = dir.resolve("items.jsonl");
      RunResult result;
      try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
        result =
            runner.sync(
                plan,
                RunInput.empty(),
                noting(JsonLinesSink.toFile(file, dir.resolve("state")), values),
                SyncMode.APPEND);
      }
      assertThat(result.stopReason()).isEqualTo(StopReason.NO_PAGINATION);
      assertThat(result.stats().recordsEmitted()).isEqualTo(DELIVERED.size());

      assertThat(Files.readString(file)).isEqualTo(written(whole(DELIVERED, arrival)));
      for (int i = 0; i < values.size(); i++) {
        boolean copied = arrival != Arrival.LATIN1 && COPIED.contains(DELIVERED.get(i));
        assertThat(values.get(i))
            .as("record %d", i + 1)
            .isInstanceOf(copied ? SentObject.class : LinkedHashMap.class);
        if (copied) {
          assertThat(((SentObject) values.get(i)).decoded())
              .as("record %d decoded", i + 1)
              .isFalse();
        }
      }
      assertThat(values).as("the values read").isEqualTo(whole(DELIVERED, arrival));
      assertThat(values)
          .filteredOn(v -> v instanceof SentObject)
          .allSatisfy(v -> assertThat(((SentObject) v).decoded()).isTrue());
    }
  }

  @Test
  void theRecordsCollectedAreTheItemsWhole() throws Exception {
    try (LoopbackServer server = server(Arrival.STREAMED)) {
      Plan plan = Pagewalk.parse("items.yaml", SPEC.formatted(server.uri("")));
      Runner.Collected c;
      try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
        c = runner.collect(plan, RunInput.empty());
      }
      List<Object> values = c.records().stream().map(OutputRecord::value).toList();
      assertThat(values).isEqualTo(whole(DELIVERED));
      assertThat(written(values)).isEqualTo(lines(DELIVERED));
      assertThat(c.records().stream().map(OutputRecord::key).toList())
          .isEqualTo(List.of("a", "b", "c", "d", "e", "f", "h", "i", "j", "k", "l"));
    }
  }

  @Test
  void aStreamsFileIsTheOneTheItemsDecodedWholeGive() throws Exception {
    String connector =
        "pagewalk: 1\nname: items\nbaseUrl: %s\nstreams:\n  items:\n    request:\n      url: /items\n"
            + RESPONSE.indent(4)
            + READS.indent(4);
    try (LoopbackServer server = server(Arrival.STREAMED)) {
      Plan plan = Pagewalk.parse("items.yaml", connector.formatted(server.uri("")));
      StreamsResult result;
      try (Runner runner = Runner.builder().sleeper(d -> {}).build();
          WalkSink files =
              WalkSink.jsonLinesDirectory(dir.resolve("out"), dir.resolve("state"), "items")) {
        result =
            runner.syncStreams(
                plan, RunInput.empty(), List.of(), files, SyncMode.APPEND, null, RunListener.NONE);
      }
      assertThat(result.streams().get(0).walks().get(0).stopReason())
          .isEqualTo(StopReason.NO_PAGINATION);
      assertThat(Files.readString(dir.resolve("out/items.jsonl"))).isEqualTo(lines(DELIVERED));
    }
  }

  /**
   * A page whose items are mostly not in the form they are written in (spaced, say) has the next
   * page's items decoded whole in place, as decoding each in part and again from its bytes would
   * cost more; a page of canonical items turns keeping them as sent back on.
   */
  @Test
  void afterAPageOfMostlyUncanonicalItemsTheNextIsDecodedWhole() throws Exception {
    List<String> pages =
        List.of(
            "{\"data\":[{\"id\": 1},{\"id\": 2},{\"id\":3}],\"next\":2}",
            "{\"data\":[{\"id\":4},{\"id\":5},{\"id\": 6}],\"next\":3}",
            "{\"data\":[{\"id\":7},{\"id\":8}],\"next\":null}");
    String spec =
        """
        pagewalk: 1
        name: items
        baseUrl: %s
        request:
          url: /items
          qs: {page: "1"}
          response:
            iterate: "{{body.data}}"
            key: "{{item.id}}"
          pagination:
            qs: {page: "{{body.next}}"}
            condition: "{{body.next}}"
        """;
    try (LoopbackServer server =
        new LoopbackServer()
            .on(
                "/items",
                (exchange, request) -> {
                  int page =
                      request.pathAndQuery().charAt(request.pathAndQuery().length() - 1) - '0';
                  exchange.getResponseHeaders().add("Content-Type", "application/json");
                  LoopbackServer.send(
                      exchange, 200, pages.get(page - 1).getBytes(StandardCharsets.UTF_8));
                })) {
      Runner.Collected c;
      try (Runner runner = Runner.builder().sleeper(d -> {}).build()) {
        c =
            runner.collect(
                Pagewalk.parse("items.yaml", spec.formatted(server.uri(""))), RunInput.empty());
      }
      assertThat(c.result().stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
      assertThat(c.records().stream().map(r -> r.value().getClass().getSimpleName()).toList())
          .as(
              "page 1 kept as sent, its spaced items decoded whole from their bytes; page 2"
                  + " decoded whole in place after page 1; page 3 kept as sent again")
          .containsExactly(
              "LinkedHashMap",
              "LinkedHashMap",
              "SentObject",
              "LinkedHashMap",
              "LinkedHashMap",
              "LinkedHashMap",
              "SentObject",
              "SentObject");
      assertThat(c.records().stream().map(OutputRecord::value).toList())
          .isEqualTo(
              List.of(
                  Map.of("id", 1L),
                  Map.of("id", 2L),
                  Map.of("id", 3L),
                  Map.of("id", 4L),
                  Map.of("id", 5L),
                  Map.of("id", 6L),
                  Map.of("id", 7L),
                  Map.of("id", 8L)));
    }
  }

  /** The JSON Lines of the items at {@code indexes}, each decoded whole on its own and written. */
  static String lines(List<Integer> indexes) throws IOException {
    return written(whole(indexes));
  }

  static List<Object> whole(List<Integer> indexes) throws IOException {
    return whole(indexes, Arrival.STREAMED);
  }

  /** The items at {@code indexes} as sent when they arrive so, each decoded whole on its own. */
  static List<Object> whole(List<Integer> indexes, Arrival arrival) throws IOException {
    List<Object> out = new ArrayList<>();
    for (int i : indexes) {
      out.add(
          ResponseDecoder.defaults()
              .decode(
                  ResponseDecoderTest.response("application/json", sent(ITEMS.get(i), arrival)),
                  ResponseType.JSON));
    }
    return out;
  }

  /** An item's text as the server sends it: in ISO-8859-1 with what it cannot hold replaced. */
  private static String sent(String item, Arrival arrival) {
    return arrival == Arrival.LATIN1 ? item.replace("😀", "x").replace("☃", "o") : item;
  }

  private static String written(List<Object> values) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      for (Object v : values) {
        writer.write(v);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static LoopbackServer server(Arrival arrival) {
    String text = sent("{\"data\":[" + String.join(",", ITEMS) + "],\"next\":null}", arrival);
    byte[] body =
        text.getBytes(
            arrival == Arrival.LATIN1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    return new LoopbackServer()
        .on(
            "/items",
            (exchange, request) -> {
              switch (arrival) {
                case STREAMED ->
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                case LATIN1 ->
                    exchange
                        .getResponseHeaders()
                        .add("Content-Type", "application/json; charset=ISO-8859-1");
                case WHOLE -> {}
              }
              LoopbackServer.send(exchange, 200, body);
            });
  }

  /** {@code sink}, noting each record's value (without reading it) as it is written. */
  private static RecordSink noting(JsonLinesSink sink, List<Object> values) {
    return new RecordSink() {
      @Override
      public Optional<Checkpoint> checkpoint(String stream) throws IOException {
        return sink.checkpoint(stream);
      }

      @Override
      public void open(String stream, Checkpoint resumeFrom) throws IOException {
        sink.open(stream, resumeFrom);
      }

      @Override
      public void open(WriteMode mode, String stream, Checkpoint resumeFrom) throws IOException {
        sink.open(mode, stream, resumeFrom);
      }

      @Override
      public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
        sink.write(records, after);
        records.forEach(r -> values.add(r.value()));
      }

      @Override
      public void close() throws IOException {
        sink.close();
      }
    };
  }
}
