package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.SyncMode;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.NextRequest;
import dev.pagewalk.state.SyncIdentity;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every database sink does, run against a real database by each subclass. */
abstract class DatabaseSinkContract {
  static final String STREAM = "items";

  abstract DatabaseSink openSink(Clock clock) throws Exception;

  /** Makes the database itself refuse to store a row with this key, as a constraint would. */
  abstract void refuseKey(String stream, String storedKey) throws Exception;

  /** Makes the sink's connection fail, as a database restart or a network cut would. */
  abstract void breakConnection(DatabaseSink sink) throws Exception;

  /** {@code payload} and {@code updated_at} of a row, as text. */
  abstract List<String> row(String stream, String storedKey) throws Exception;

  DatabaseSink openSink() throws Exception {
    return openSink(Clock.systemUTC());
  }

  /**
   * What holds sync {@code stream}, as a refused run names it: {@code FILE}, or {@code sync S in
   * ...}.
   */
  abstract String lockName(String stream) throws Exception;

  String heldMessage(String stream) throws Exception {
    return "another run holds "
        + java.util.regex.Pattern.quote(lockName(stream))
        + " \\(pid "
        + ProcessHandle.current().pid()
        + " since [0-9-]+T[0-9:]+Z\\); wait for it to end, or give this run its own --sync-name";
  }

  @Test
  void aSecondRunOnTheSameSyncIsRefusedNamingTheFirstUntilItCloses() throws Exception {
    try (DatabaseSink first = openSink();
        DatabaseSink second = openSink();
        DatabaseSink otherSync = openSink()) {
      first.open(STREAM, null);
      first.write(List.of(record(1L, "a")), checkpoint("run-1", 1));

      assertThatThrownBy(() -> second.open(STREAM, null))
          .isInstanceOf(IOException.class)
          .hasMessageMatching(heldMessage(STREAM));
      otherSync.open("orders", null);
      first.close();
      second.open(STREAM, null);
      second.write(List.of(record(2L, "b")), checkpoint("run-2", 1));
      assertThat(second.count(STREAM)).isEqualTo(2);
    }
  }

  @Test
  void writingTheSamePageTwiceLeavesOneRowPerKey() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.open(STREAM, null);
      List<OutputRecord> page = List.of(record(1L, "a"), record(2L, "b"), record("x", "c"));
      sink.write(page, checkpoint("run-1", 2));
      sink.write(page, checkpoint("run-1", 2));

      assertThat(sink.count(STREAM)).isEqualTo(3);
      assertThat(sink.keys(STREAM)).containsExactlyInAnyOrder("1", "2", "\"x\"");
    }
  }

  @Test
  void keysEqualInTheSpecLanguageAreOneRow() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.open(STREAM, null);
      sink.write(List.of(record(7L, "first")), null);
      sink.write(List.of(record(new BigDecimal("7.00"), "second"), record("7", "text key")), null);
      sink.write(List.of(record(List.of(1L, "a"), "composite")), null);

      assertThat(sink.keys(STREAM)).containsExactlyInAnyOrder("7", "\"7\"", "[1,\"a\"]");
      assertThat(row(STREAM, "7").get(0)).contains("second");
    }
  }

  @Test
  void writesDecimalsInPlainNotationAsJsonLinesDoes() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.open(STREAM, null);
      Map<String, Object> value = new java.util.LinkedHashMap<>();
      value.put("id", 1L);
      value.put("big", new BigDecimal("1E+3"));
      value.put("price", new BigDecimal("12.30"));
      value.put("tiny", new BigDecimal("1E-7"));
      sink.write(List.of(new OutputRecord(1L, value, 1)), null);

      // PostgreSQL's JSONB orders keys its own way, so the members are checked one by one
      assertThat(row(STREAM, "1").get(0).replace(" ", ""))
          .contains("\"id\":1", "\"big\":1000", "\"price\":12.30", "\"tiny\":0.0000001")
          .doesNotContain("E");
    }
  }

  @Test
  void recordsWithoutKeyAreStoredUnderAHashOfTheirContent() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.open(STREAM, null);
      OutputRecord keyless = new OutputRecord(null, Map.of("name", "Ada", "n", 1L), 1);
      OutputRecord sameContent = new OutputRecord(null, Map.of("n", 1L, "name", "Ada"), 2);
      sink.write(List.of(keyless, new OutputRecord(null, Map.of("name", "Grace"), 1)), null);
      sink.write(List.of(sameContent), null);

      assertThat(sink.count(STREAM)).isEqualTo(2);
      assertThat(sink.keys(STREAM))
          .allMatch(k -> k.matches("sha256:[0-9a-f]{64}"))
          .contains(RecordKeys.contentHash(Map.of("name", "Ada", "n", 1L)));
    }
  }

  @Test
  void updatedAtMovesOnlyWhenThePayloadChanges() throws Exception {
    Clock[] clock = {Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)};
    Clock ticking =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return clock[0].instant();
          }
        };
    try (DatabaseSink sink = openSink(ticking)) {
      sink.open(STREAM, null);
      sink.write(List.of(record(1L, "a"), record(2L, "b")), null);
      clock[0] = Clock.offset(clock[0], java.time.Duration.ofHours(1));
      sink.write(List.of(record(1L, "a"), record(2L, "b changed")), null);

      assertThat(instant(row(STREAM, "1").get(1))).isEqualTo("2026-01-01T00:00:00Z");
      assertThat(instant(row(STREAM, "2").get(1))).isEqualTo("2026-01-01T01:00:00Z");
    }
  }

  @Test
  void aPageThatFailsMidwayLeavesNeitherItsRecordsNorItsCheckpoint() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.open(STREAM, null);
      sink.write(List.of(record(1L, "a")), checkpoint("run-1", 2));
      refuseKey(STREAM, "3");

      assertThatThrownBy(
              () ->
                  sink.write(
                      List.of(record(2L, "b"), record(3L, "refused"), record(4L, "d")),
                      checkpoint("run-1", 3)))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(
              "writing page records to items failed, nothing of the page was kept: ");

      assertThat(sink.keys(STREAM)).containsExactly("1");
      assertThat(sink.checkpoint(STREAM).orElseThrow().page()).isEqualTo(2);
      sink.write(List.of(record(2L, "b")), checkpoint("run-1", 3));
      assertThat(sink.keys(STREAM)).containsExactlyInAnyOrder("1", "2");
    }
  }

  @Test
  void aBrokenConnectionFailsTheWriteAndKeepsNothing() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.open(STREAM, null);
      sink.write(List.of(record(1L, "a")), checkpoint("run-1", 2));
      breakConnection(sink);

      assertThatThrownBy(() -> sink.write(List.of(record(2L, "b")), checkpoint("run-1", 3)))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(
              "writing page records to items failed, nothing of the page was kept: ");
    }
    try (DatabaseSink again = openSink()) {
      assertThat(again.keys(STREAM)).containsExactly("1");
      assertThat(again.checkpoint(STREAM).orElseThrow().page()).isEqualTo(2);
    }
  }

  @Test
  void aCheckpointComesBackAsItWasSaved() throws Exception {
    Checkpoint saved = checkpoint("run-7", 5);
    try (DatabaseSink sink = openSink()) {
      assertThat(sink.checkpoint(STREAM)).isEmpty();
      sink.open(STREAM, null);
      sink.write(List.of(record(1L, "a")), saved);
    }
    try (DatabaseSink sink = openSink()) {
      assertThat(sink.checkpoint(STREAM)).contains(saved);
      assertThat(sink.checkpoint("other")).isEmpty();
      assertThat(sink.count("other")).isZero();
      assertThat(sink.keys("other")).isEmpty();
    }
  }

  @Test
  void refusesStreamNamesThatAreNotTableNames() throws Exception {
    try (DatabaseSink sink = openSink()) {
      assertThatThrownBy(() -> sink.open("x\"; DROP TABLE y; --", null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "stream name 'x\"; DROP TABLE y; --' is not a table name: expected lower-case"
                  + " letters, digits, '-' and '_' (at most 63), as sync names are");
    }
  }

  @Test
  void aRunStoppedMidwayResumesToExactlyTheDatasetsRecords() throws Exception {
    Plan plan = LiveSpecs.token(50, null);
    try (LiveDataServer server =
            LiveDataServer.start(
                LiveDataConfig.fromMap(
                    Map.of("dataset", Map.of("size", 420, "seed", 3), "style", "token")));
        Runner runner = Runner.builder().build()) {
      RunInput input = RunInput.empty().withBaseUrl(server.baseUrl());
      RunResult stopped;
      try (DatabaseSink sink = openSink()) {
        stopped = runner.sync(plan, input, new FailAfterPages(sink, 3), false);
        assertThat(sink.count("live-items")).isEqualTo(150);
      }
      assertThat(stopped.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(stopped.failure().getMessage())
          .isEqualTo("live-items: writing to the sink failed: disk unplugged");

      RunResult resumed;
      try (DatabaseSink sink = openSink()) {
        resumed = runner.sync(plan, input, sink, true);
        assertThat(sink.count("live-items")).isEqualTo(420);
        assertThat(sink.keys("live-items")).isEqualTo(ids(server.dataset().currentIds()));
        assertThat(sink.checkpoint("live-items").orElseThrow().status())
            .isEqualTo(Checkpoint.Status.COMPLETE);
      }
      assertThat(resumed.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
      assertThat(resumed.notes())
          .containsExactly("resumed run " + stopped.runId() + " at page 4 after 150 records");
      assertThat(resumed.runId()).isEqualTo(stopped.runId());

      try (DatabaseSink sink = openSink()) {
        RunResult again = runner.sync(plan, input, sink, true);
        assertThat(again.notes())
            .singleElement()
            .asString()
            .startsWith("nothing to resume: the last run (" + stopped.runId() + ") ended complete");
        assertThat(sink.count("live-items")).isEqualTo(420);
      }
    }
  }

  @Test
  void twoSyncsOfOneSpecLiveSideBySideUnderTheirSyncNames() throws Exception {
    Plan plan = LiveSpecs.token(50, null);
    try (LiveDataServer a =
            LiveDataServer.start(
                LiveDataConfig.fromMap(
                    Map.of("dataset", Map.of("size", 120, "seed", 3), "style", "token")));
        LiveDataServer b =
            LiveDataServer.start(
                LiveDataConfig.fromMap(
                    Map.of("dataset", Map.of("size", 70, "seed", 4), "style", "token")));
        Runner runner = Runner.builder().build();
        DatabaseSink sink = openSink()) {
      RunInput fromA = RunInput.empty().withBaseUrl(a.baseUrl());
      RunInput fromB = RunInput.empty().withBaseUrl(b.baseUrl());
      runner.sync(plan, fromA, sink, SyncMode.APPEND, "live-a", RunListener.NONE);
      runner.sync(plan, fromB, sink, SyncMode.APPEND, "live_b", RunListener.NONE);

      assertThat(sink.keys("live-a")).isEqualTo(ids(a.dataset().currentIds()));
      assertThat(sink.keys("live_b")).isEqualTo(ids(b.dataset().currentIds()));
      assertThat(sink.count("live-items")).isZero();
      assertThat(sink.checkpoint("live-a").orElseThrow().identity().baseUrl())
          .isEqualTo(a.baseUrl());
      assertThat(sink.checkpoint("live_b").orElseThrow().identity().baseUrl())
          .isEqualTo(b.baseUrl());

      assertThatThrownBy(
              () -> runner.sync(plan, fromB, sink, SyncMode.APPEND, "live-a", RunListener.NONE))
          .isInstanceOf(InputException.class)
          .hasMessage(
              "live-items: the destination holds sync live-a with other inputs (base URL: "
                  + a.baseUrl()
                  + " → "
                  + b.baseUrl()
                  + "); give this one its own --sync-name, or"
                  + " start over with --replace");
      assertThat(sink.count("live-a")).isEqualTo(120);

      RunResult replaced =
          runner.sync(plan, fromB, sink, SyncMode.REPLACE, "live-a", RunListener.NONE);
      assertThat(replaced.succeeded()).isTrue();
      assertThat(sink.keys("live-a")).isEqualTo(ids(b.dataset().currentIds()));
      assertThat(sink.checkpoint("live-a").orElseThrow().identity().baseUrl())
          .isEqualTo(b.baseUrl());
      assertThat(sink.count("live_b")).isEqualTo(70);
    }
  }

  static Set<String> ids(Set<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.toSet());
  }

  /**
   * A resumed walk that starts over asks which records its run wrote: the keys of the rows that run
   * wrote or rewrote, as stored, never rows only an earlier run wrote.
   */
  @Test
  void readsBackTheKeysOfTheRowsTheRunWrote() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.open(STREAM, null);
      sink.write(
          List.of(record(1L, "a"), record("x", "b"), record(3L, "c")), checkpoint("run-1", 1));
      sink.write(
          List.of(record(List.of("k", 2L), "d"), record(new BigDecimal("1.50"), "e")),
          checkpoint("run-2", 1));
      sink.write(List.of(record(3L, "c2")), checkpoint("run-2", 2));

      List<String> held = new java.util.ArrayList<>();
      boolean told =
          sink.readBack(
              STREAM,
              checkpoint("run-2", 2),
              new dev.pagewalk.sink.RecordSink.HeldRecords() {
                @Override
                public void key(String canonical) {
                  held.add(canonical);
                }

                @Override
                public void record(Object value) {
                  throw new AssertionError("a database tells keys");
                }
              });

      assertThat(told).isTrue();
      assertThat(held).containsExactlyInAnyOrder("[\"k\",2]", "1.5", "3");
    }
  }

  static OutputRecord record(Object key, String name) {
    return new OutputRecord(key, Map.of("id", String.valueOf(key), "name", name), 1);
  }

  static Checkpoint checkpoint(String runId, long page) {
    return new Checkpoint(
        1,
        STREAM,
        "hash",
        runId,
        Checkpoint.Status.RUNNING,
        null,
        page - 1,
        page,
        Map.of("page", page),
        Map.of("token", "t" + page),
        new NextRequest(
            "GET",
            "http://127.0.0.1:9/items?page_token=t" + page,
            null,
            Map.of("Accept", "application/json"),
            List.of("Authorization")),
        Map.of("recordsEmitted", 2L * page),
        Map.of(),
        Map.of("cursor", "2026-01-01", "tieBreaker", 3L),
        -1,
        "2026-01-01T00:00:00Z",
        new SyncIdentity(STREAM, "hash", Map.of("page_size", 2L), "http://127.0.0.1:9", "ab12"));
  }

  private static String instant(String text) {
    return Instant.parse(text.replace(' ', 'T').replaceFirst("\\+00(:00)?$", "Z")).toString();
  }
}
