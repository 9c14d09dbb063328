package dev.pagewalk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which task runs which root walk. */
class TaskShareTest {
  @Test
  void everyWalkIsTakenByExactlyOneTaskForAnyTaskCount() {
    for (int count = 1; count <= 5; count++) {
      for (int w = 0; w < 200; w++) {
        String walk = "org-" + w;
        int tasks = count;
        long takers =
            IntStream.range(0, count)
                .filter(i -> new TaskShare(i, tasks).takes("repos", walk))
                .count();
        assertThat(takers).as(walk + " over " + count + " tasks").isEqualTo(1);
      }
    }
  }

  @Test
  void hashesThePartitionsJsonSoEveryJvmAgrees() {
    // CRC-32 of {"stream":"repos","walk":"<org>"}, modulo 3, as any CRC-32 computes it
    List<String> orgs = List.of("acme", "umbrella", "wayne");
    assertThat(orgs)
        .extracting(
            org -> IntStream.range(0, 3).filter(i -> new TaskShare(i, 3).takes("repos", org)).sum())
        .containsExactly(2, 1, 0);
  }

  @Test
  void readsItsIndexAndCountFromTheTaskConfigItWrote() {
    Map<String, String> config = new TaskShare(2, 3).config(Map.of("pagewalk.spec", "x.yaml"));

    assertThat(TaskShare.of(config)).isEqualTo(new TaskShare(2, 3));
    assertThat(TaskShare.of(Map.of())).isEqualTo(new TaskShare(0, 1));
  }
}
