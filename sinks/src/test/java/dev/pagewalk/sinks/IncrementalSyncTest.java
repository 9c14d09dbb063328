package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sequential runs of an incremental spec ({@code sync.incremental} on {@code (updated_at, id)},
 * {@code updated_since} from {@code state.cursor}) into SQLite, with the dataset changing in
 * between.
 */
class IncrementalSyncTest {
  static final String STREAM = "live-changes";
  final Plan plan = LiveSpecs.incremental(40);
  LiveDataServer server;
  Runner runner;
  RunInput input;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    server =
        LiveDataServer.start(
            LiveDataConfig.fromMap(
                Map.of(
                    "dataset",
                    Map.of("size", 120, "seed", 5),
                    "style",
                    "token",
                    "sort",
                    "updated_at")));
    runner = Runner.builder().build();
    input = RunInput.empty().withBaseUrl(server.baseUrl());
  }

  @AfterEach
  void stop() {
    runner.close();
    server.close();
  }

  RunResult sync(Recording sink, RunInput in) {
    return runner.sync(plan, in, sink, false);
  }

  @Test
  void theSecondRunReturnsExactlyTheChangedAndNewRecords() throws Exception {
    try (SqliteSink db = SqliteSink.open(dir.resolve("out.db"))) {
      Recording first = new Recording(db);
      RunResult one = sync(first, input);
      assertThat(one.stats().recordsEmitted()).isEqualTo(120);
      assertThat(one.watermark()).containsEntry("tieBreaker", 120L);

      server.dataset().update(List.of(5L, 40L));
      List<Long> inserted = server.dataset().insertTail(3);

      int before = server.requestCount();
      Recording second = new Recording(db);
      RunResult two = sync(second, input);
      assertThat(server.requests().get(before))
          .contains(
              "updated_since=" + ((String) one.watermark().get("cursor")).replace(":", "%3A"));
      assertThat(two.notes()).containsExactly("incremental: continuing after " + one.watermark());
      assertThat(second.keys)
          .containsExactly(
              "5",
              "40",
              inserted.get(0).toString(),
              inserted.get(1).toString(),
              inserted.get(2).toString());
      assertThat(two.stats().recordsReceived())
          .as("the record at the watermark comes back (updated_since is inclusive) and is dropped")
          .isEqualTo(6);
      assertThat(db.count(STREAM)).isEqualTo(123);
      assertThat(db.keys(STREAM))
          .isEqualTo(DatabaseSinkContract.ids(server.dataset().currentIds()));
    }
  }

  @Test
  void aStateFromTheFutureReturnsNothing() throws Exception {
    try (SqliteSink db = SqliteSink.open(dir.resolve("out.db"))) {
      sync(new Recording(db), input);
      Recording later = new Recording(db);
      RunResult r =
          sync(later, input.withState(Map.of("cursor", "2999-01-01T00:00:00Z", "tieBreaker", 0L)));

      assertThat(r.succeeded()).isTrue();
      assertThat(r.stats().recordsReceived()).isZero();
      assertThat(later.keys).isEmpty();
      assertThat(db.count(STREAM)).isEqualTo(120);
    }
  }
}
