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
  void keepsTheDateWindowsOfAStreamInOneTaskWhateverTheirEnd() {
    TaskShare one = new TaskShare(0, 3);
    TaskShare other = new TaskShare(1, 3);
    List<String> windows =
        List.of(
            "2026-01-01T00:00:00Z/2026-02-01T00:00:00Z",
            "2026-12-01T00:00:00Z/2026-12-05T08:00:01.123Z",
            "2026-12-01T00:00:00Z/2026-12-05T08:00:02.456Z");

    int owner = IntStream.range(0, 3).filter(i -> new TaskShare(i, 3).takes("events", "")).sum();

    assertThat(windows)
        .allSatisfy(w -> assertThat(new TaskShare(owner, 3).takes("events", w)).isTrue())
        .allSatisfy(w -> assertThat(one.takes("events", w) && other.takes("events", w)).isFalse());
  }

  @Test
  void readsItsIndexAndCountFromTheTaskConfigItWrote() {
    Map<String, String> config = new TaskShare(2, 3).config(Map.of("pagewalk.spec", "x.yaml"));

    assertThat(TaskShare.of(config)).isEqualTo(new TaskShare(2, 3));
    assertThat(TaskShare.of(Map.of())).isEqualTo(new TaskShare(0, 1));
  }
}
