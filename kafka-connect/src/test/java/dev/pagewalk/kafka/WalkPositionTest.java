package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagewalk.state.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** The source partition and offset maps, as Connect's offset store serializes them. */
class WalkPositionTest {
  private static final Map<String, Object> PARTITION =
      Map.copyOf(WalkPosition.partition("items", ""));

  private static String serialized(Object value) {
    try (JsonConverter converter = new JsonConverter()) {
      converter.configure(Map.of("schemas.enable", "false"), true);
      return new String(converter.fromConnectData("offsets", null, value), StandardCharsets.UTF_8);
    }
  }

  @Test
  void serializesThePartitionStreamFirstThenWalk() {
    assertThat(serialized(List.of("items-connector", WalkPosition.partition("items", ""))))
        .isEqualTo("[\"items-connector\",{\"stream\":\"items\",\"walk\":\"\"}]");
    assertThat(serialized(WalkPosition.partition("orders", "eu")))
        .isEqualTo("{\"stream\":\"orders\",\"walk\":\"eu\"}");
  }

  @Test
  void holdsTheCheckpointAsItsJsonAndReadsItBack() {
    Checkpoint checkpoint =
        Checkpoint.fromJson(
            "{\"version\":1,\"spec\":\"items\",\"runId\":\"r1\",\"status\":\"running\","
                + "\"pagesDone\":3,\"page\":4,\"pagination\":{\"page\":4},\"sinkPosition\":-1}");

    Map<String, Object> offset = WalkPosition.offset(checkpoint);

    assertThat(offset).containsOnlyKeys("checkpoint");
    assertThat(serialized(offset))
        .isEqualTo("{\"checkpoint\":" + serialized(checkpoint.toJson()) + "}");
    assertThat(WalkPosition.checkpoint(PARTITION, offset)).isEqualTo(checkpoint);
  }

  @Test
  void hasNoCheckpointBeforeTheFirstPageOrAfterAReset() {
    assertThat(WalkPosition.offset(null)).isEmpty();
    assertThat(WalkPosition.checkpoint(PARTITION, null)).isNull();
    assertThat(WalkPosition.checkpoint(PARTITION, Map.of())).isNull();
  }

  @Test
  void refusesAnOffsetThatIsNotACheckpoint() {
    ConnectException e =
        catchThrowableOfType(
            ConnectException.class,
            () -> WalkPosition.checkpoint(PARTITION, Map.of("checkpoint", 7L)));

    assertThat(e.getMessage())
        .isEqualTo(
            "the source offset of " + PARTITION + " is not a pagewalk checkpoint: {checkpoint=7}");
  }
}
