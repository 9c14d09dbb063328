package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.state.SyncIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

/** The record a parent's page hands a spawned walk on with, and the task it is routed to. */
class SpawnRecordTest {
  private static final WalkSink.RunStart RUN =
      new WalkSink.RunStart(
          new SyncIdentity("org-issues", "h1", Map.of(), "http://api.test", "c1"),
          "run-1",
          Instant.parse("2026-12-05T10:00:00Z"),
          List.of("repos", "issues"));

  private static final SpawnRecord SPAWN = new SpawnRecord(2, 3, RUN, "issues", "\"12\"", parent());

  private static Map<String, Object> parent() {
    Map<String, Object> parent = new LinkedHashMap<>();
    parent.put("id", 12L);
    parent.put("full_name", "acme/repo-1");
    return parent;
  }

  @Test
  void writesTheChildWalkItsParentTheRunAndTheTaskItIsFor() {
    assertThat(SPAWN.key()).isEqualTo(Map.of("spawnFor", "2"));
    assertThat(SPAWN.toJson())
        .isEqualTo(
            "{\"pagewalk\":\"spawn\",\"task\":2,\"tasks\":3,\"stream\":\"issues\","
                + "\"walk\":\"\\\"12\\\"\",\"parent\":{\"id\":12,\"full_name\":\"acme/repo-1\"},"
                + "\"run\":{\"identity\":{\"name\":\"org-issues\",\"specHash\":\"h1\","
                + "\"parameters\":{},\"baseUrl\":\"http://api.test\",\"connection\":\"c1\"},"
                + "\"runId\":\"run-1\",\"startedAt\":\"2026-12-05T10:00:00Z\","
                + "\"streams\":[\"repos\",\"issues\"]}}");
  }

  @Test
  void readsItBackAsJsonOrStringConvertersWroteIt() {
    List<Converter> converters = List.of(json(false), json(true), new StringConverter());

    for (Converter converter : converters) {
      byte[] bytes = converter.fromConnectData("t._pagewalk_positions", null, SPAWN.toJson());

      assertThat(SpawnRecord.read(bytes)).as(converter.toString()).contains(SPAWN);
    }
  }

  @Test
  void readsNothingFromTheTopicsRecordsWithoutAValue() {
    assertThat(SpawnRecord.read(null)).isEmpty();
  }

  @Test
  void refusesAValueThatIsNotASpawn() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> SpawnRecord.read("{\"stream\":\"issues\"}".getBytes(StandardCharsets.UTF_8)));

    assertThat(e.getMessage()).isEqualTo("not a spawn record: {\"stream\":\"issues\"}");
  }

  @Test
  void routesASpawnedWalkToOneTaskByTheCrc32OfItsPartitionsJson() {
    for (String walk : List.of("\"12\"", "101", "[1,\"a\"]", "2026-01-01T00:00:00Z/x")) {
      CRC32 crc = new CRC32();
      crc.update(
          ("{\"stream\":\"issues\",\"walk\":" + quoted(walk) + "}")
              .getBytes(StandardCharsets.UTF_8));
      int expected = (int) (crc.getValue() % 3);

      assertThat(IntStream.range(0, 3).map(i -> new TaskShare(i, 3).owner("issues", walk)))
          .as(walk)
          .containsOnly(expected);
    }
  }

  private static String quoted(String walk) {
    return "\"" + walk.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Converter json(boolean schemas) {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", Boolean.toString(schemas)), false);
    return converter;
  }
}
