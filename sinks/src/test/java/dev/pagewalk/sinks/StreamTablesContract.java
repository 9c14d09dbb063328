package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.StopReason;
import dev.pagewalk.report.Check;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WalkSink.Outcome;
import dev.pagewalk.sink.WalkSink.Page;
import dev.pagewalk.sink.WalkSink.RunStart;
import dev.pagewalk.sink.WalkSink.Saved;
import dev.pagewalk.sink.WalkSink.SavedWalk;
import dev.pagewalk.sink.WalkSink.Spawned;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A connector run's tables in a database, one per stream, and its walks' state; run against a real
 * database by each kind.
 */
abstract class StreamTablesContract {
  abstract DatabaseSink openSink() throws Exception;

  /** Makes the database refuse a row with this key in {@code table}, as a constraint would. */
  abstract void refuseKey(String table, String storedKey) throws Exception;

  /** The names of the tables in the database, pagewalk's own included. */
  abstract List<String> tables() throws Exception;

  /** Runs a statement on a connection of its own, as someone editing the database would. */
  abstract void execute(String sql) throws Exception;

  static OutputRecord order(long id) {
    return new OutputRecord(id, Map.of("id", id), 1);
  }

  static OutputRecord line(long order, long n) {
    return new OutputRecord(List.of(order, n), Map.of("order", order, "n", n), 1);
  }

  static Page page(String stream, String walk, List<OutputRecord> records) {
    return new Page(stream, walk, records, walkCheckpoint("run-1", 1), List.of());
  }

  @Test
  void eachStreamGoesToItsOwnTableUpsertedByKey() throws Exception {
    try (WalkSink sink = openSink().walks("shop")) {
      sink.open(WriteMode.FULL, run("run-1"));
      sink.commit(page("orders", "", List.of(order(1), order(2))));
      sink.commit(page("lines", "1", List.of(line(1, 1), line(1, 2))));
      sink.commit(page("orders", "", List.of(order(2), order(3))));
      sink.commit(page("lines", "1", List.of(line(1, 2))));
    }
    try (DatabaseSink db = openSink()) {
      assertThat(db.keys("shop", "orders")).containsExactly("1", "2", "3");
      assertThat(db.keys("shop", "lines")).containsExactly("[1,1]", "[1,2]");
    }
    assertThat(tables()).contains("shop.orders", "shop.lines", "_pagewalk_walks");
  }

  @Test
  void twoConnectorsWithAStreamOfTheSameNameKeepApart() throws Exception {
    SyncIdentity other = new SyncIdentity("store", "hash", Map.of(), "http://127.0.0.1:9", "ab");
    try (WalkSink shop = openSink().walks("shop");
        WalkSink store = openSink().walks("store")) {
      shop.open(WriteMode.FULL, run("run-1"));
      store.open(WriteMode.FULL, new RunStart(other, "run-9", Instant.EPOCH, List.of("orders")));
      shop.commit(page("orders", "", List.of(order(1))));
      store.commit(page("orders", "", List.of(order(2), order(3))));
    }
    try (DatabaseSink db = openSink()) {
      assertThat(db.keys("shop", "orders")).containsExactly("1");
      assertThat(db.keys("store", "orders")).containsExactly("2", "3");
    }
  }

  @Test
  void aStreamWhoseTableNameWouldBeTooLongIsRefusedBeforeAnythingIsCreated() throws Exception {
    String longName = "a".repeat(60);
    try (WalkSink sink = openSink().walks("shop")) {
      RunStart run = new RunStart(SHOP, "run-1", Instant.EPOCH, List.of("orders", longName));
      assertThatThrownBy(() -> sink.open(WriteMode.FULL, run))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "stream '"
                  + longName
                  + "' cannot name a table: \"shop."
                  + longName
                  + "\" is 65 characters long and a table name is at most 63 (PostgreSQL cuts"
                  + " longer ones); shorten the stream's name or give the run a shorter"
                  + " --sync-name");
      assertThat(sink.load()).isEmpty();
    }
    assertThat(tables()).doesNotContain("shop.orders");
  }

  @Test
  void aPageBeforeOpenOrOfAStreamNotOpenedIsAMistakeOfTheCaller() throws Exception {
    try (WalkSink sink = openSink().walks("shop")) {
      assertThatThrownBy(() -> sink.commit(page("orders", "", List.of(order(1)))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("commit before open");
      sink.open(WriteMode.FULL, new RunStart(SHOP, "run-1", Instant.EPOCH, List.of("orders")));
      assertThatThrownBy(() -> sink.commit(page("lines", "1", List.of(line(1, 1)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("stream 'lines' was not opened for sync shop; it has [orders]");
    }
  }

  static final SyncIdentity SHOP =
      new SyncIdentity("shop", "hash", Map.of("n", 2L), "http://127.0.0.1:9", "ab12");

  static RunStart run(String runId) {
    return new RunStart(
        SHOP, runId, Instant.parse("2026-12-05T04:00:00Z"), List.of("orders", "lines"));
  }

  static Checkpoint walkCheckpoint(String runId, long page) {
    return DatabaseSinkContract.checkpoint(runId, page);
  }

  static Page ordersPage(long page, List<Long> ids) {
    List<OutputRecord> records = ids.stream().map(StreamTablesContract::order).toList();
    List<Spawned> spawned =
        ids.stream()
            .map(id -> new Spawned("lines", String.valueOf(id), Map.of("id", id.intValue())))
            .toList();
    return new Page("orders", "", records, walkCheckpoint("run-1", page), spawned);
  }

  @Test
  void aPageCommitsItsRecordsTheWalksCheckpointAndTheWalksItSpawnedAndLoadReturnsThem()
      throws Exception {
    try (WalkSink sink = openSink().walks("shop")) {
      assertThat(sink.load()).isEmpty();
      sink.open(WriteMode.FULL, run("run-1"));
      sink.commit(ordersPage(1, List.of(1L, 2L)));
      sink.commit(
          new Page("lines", "1", List.of(line(1, 1)), walkCheckpoint("run-1", 1), List.of()));
    }
    try (DatabaseSink db = openSink();
        WalkSink sink = openSink().walks("shop")) {
      Saved saved = sink.load().orElseThrow();
      assertThat(saved.run()).isEqualTo(run("run-1"));
      assertThat(saved.walks())
          .containsExactlyInAnyOrder(
              new SavedWalk("orders", "", null, walkCheckpoint("run-1", 1)),
              new SavedWalk("lines", "1", Map.of("id", 1), walkCheckpoint("run-1", 1)),
              new SavedWalk("lines", "2", Map.of("id", 2), null));
      assertThat(db.keys("shop", "orders")).containsExactly("1", "2");
      assertThat(db.keys("shop", "lines")).containsExactly("[1,1]");
    }
  }

  @Test
  void aPageThatFailsMidwayKeepsNeitherItsRecordsNorTheCheckpointNorTheWalksItSpawned()
      throws Exception {
    try (WalkSink sink = openSink().walks("shop")) {
      sink.open(WriteMode.FULL, run("run-1"));
      sink.commit(ordersPage(1, List.of(1L)));
      refuseKey("shop.orders", "3");

      assertThatThrownBy(() -> sink.commit(ordersPage(2, List.of(2L, 3L))))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(
              "writing page records to shop.orders failed, nothing of the page was kept: ");
    }
    try (DatabaseSink db = openSink();
        WalkSink sink = openSink().walks("shop")) {
      assertThat(db.keys("shop", "orders")).containsExactly("1");
      assertThat(sink.load().orElseThrow().walks())
          .containsExactlyInAnyOrder(
              new SavedWalk("orders", "", null, walkCheckpoint("run-1", 1)),
              new SavedWalk("lines", "1", Map.of("id", 1), null));
    }
  }

  @Test
  void aResumeOfADestinationWithoutARunSavesItsRunSoThatTheNextResumeFindsIt() throws Exception {
    try (WalkSink sink = openSink().walks("shop")) {
      sink.open(WriteMode.RESUME, run("run-1"));
      sink.commit(ordersPage(1, List.of(1L)));
    }
    try (WalkSink sink = openSink().walks("shop")) {
      Saved saved = sink.load().orElseThrow();
      assertThat(saved.run()).isEqualTo(run("run-1"));
      assertThat(saved.walks()).hasSize(2);
    }
  }

  static Outcome complete() {
    return new Outcome(
        Verdict.COMPLETE,
        StopReason.CONDITION_FALSE,
        Map.of(Check.Kind.STOP, Check.Outcome.PASS, Check.Kind.TOTAL, Check.Outcome.PASS),
        List.of(),
        2,
        1,
        null,
        null);
  }

  @Test
  void aWalksOutcomeIsCommittedWithItsLastPageAndLoadedBack() throws Exception {
    Outcome failed =
        new Outcome(
            Verdict.INCOMPLETE,
            StopReason.ERROR,
            Map.of(Check.Kind.STOP, Check.Outcome.FAIL),
            List.of("stop: failed (error): boom"),
            1,
            3,
            "shop/lines: boom",
            ErrorCode.HTTP_STATUS);
    try (WalkSink sink = openSink().walks("shop")) {
      sink.open(WriteMode.FULL, run("run-1"));
      sink.commit(
          new Page(
              "orders",
              "",
              List.of(order(1), order(2)),
              walkCheckpoint("run-1", 1),
              List.of(new Spawned("lines", "1", Map.of("id", 1))),
              complete()));
      sink.commit(
          new Page(
              "lines", "1", List.of(line(1, 1)), walkCheckpoint("run-1", 1), List.of(), failed));
    }
    try (WalkSink sink = openSink().walks("shop")) {
      assertThat(sink.load().orElseThrow().walks())
          .containsExactlyInAnyOrder(
              new SavedWalk("orders", "", null, walkCheckpoint("run-1", 1), complete()),
              new SavedWalk("lines", "1", Map.of("id", 1), walkCheckpoint("run-1", 1), failed));
    }
  }

  @Test
  void aWalksTableWithoutOutcomesGainsTheColumnAndItsWalksLoadWithoutOne() throws Exception {
    String time;
    try (DatabaseSink db = openSink()) {
      time = db.timeType();
    }
    execute(
        "CREATE TABLE _pagewalk_walks (sync TEXT NOT NULL, stream TEXT NOT NULL, walk TEXT NOT"
            + " NULL, parent TEXT, checkpoint TEXT, saved_at "
            + time
            + " NOT NULL, PRIMARY KEY (sync, stream, walk))");
    try (WalkSink sink = openSink().walks("shop")) {
      sink.open(WriteMode.FULL, run("run-1"));
      sink.commit(page("orders", "", List.of(order(1))));
      sink.commit(
          new Page("lines", "1", List.of(), walkCheckpoint("run-1", 2), List.of(), complete()));
      assertThat(sink.load().orElseThrow().walks())
          .containsExactlyInAnyOrder(
              new SavedWalk("orders", "", null, walkCheckpoint("run-1", 1)),
              new SavedWalk("lines", "1", null, walkCheckpoint("run-1", 2), complete()));
    }
  }

  @Test
  void aWalkSpawnedAgainByARepeatedPageKeepsItsProgress() throws Exception {
    try (WalkSink sink = openSink().walks("shop")) {
      sink.open(WriteMode.FULL, run("run-1"));
      sink.commit(ordersPage(1, List.of(1L)));
      sink.commit(new Page("lines", "1", List.of(), walkCheckpoint("run-1", 4), List.of()));
      sink.open(WriteMode.RESUME, run("run-1"));
      sink.commit(ordersPage(1, List.of(1L)));

      assertThat(sink.load().orElseThrow().walks())
          .contains(new SavedWalk("lines", "1", Map.of("id", 1), walkCheckpoint("run-1", 4)));
    }
  }

  @Test
  void replaceForgetsTheRowsAndTheStateAFreshRunKeepsTheRowsAndStartsItsOwnState()
      throws Exception {
    SyncIdentity other = new SyncIdentity("other", "hash", Map.of(), "http://127.0.0.1:9", "ab");
    try (WalkSink elsewhere = openSink().walks("other")) {
      elsewhere.open(
          WriteMode.FULL, new RunStart(other, "run-0", Instant.EPOCH, List.of("orders")));
      elsewhere.commit(page("orders", "", List.of(order(9))));
    }
    try (WalkSink sink = openSink().walks("shop")) {
      sink.open(WriteMode.FULL, run("run-1"));
      sink.commit(ordersPage(1, List.of(1L)));
      sink.open(WriteMode.FULL, run("run-2"));
      assertThat(sink.load().orElseThrow()).isEqualTo(new Saved(run("run-2"), List.of()));
      sink.commit(ordersPage(1, List.of(2L)));
      try (DatabaseSink db = openSink()) {
        assertThat(db.keys("shop", "orders")).containsExactly("1", "2");
      }

      sink.open(WriteMode.REPLACE, run("run-3"));
      assertThat(sink.load().orElseThrow()).isEqualTo(new Saved(run("run-3"), List.of()));
      try (DatabaseSink db = openSink()) {
        assertThat(db.count("shop", "orders")).isZero();
        assertThat(db.keys("other", "orders")).containsExactly("9");
      }
    }
  }

  @Test
  void twoSyncsInOneDatabaseLoadOnlyTheirOwnWalks() throws Exception {
    SyncIdentity other = new SyncIdentity("other", "hash", Map.of(), "http://127.0.0.1:9", "ab");
    try (WalkSink shop = openSink().walks("shop");
        WalkSink store = openSink().walks("other")) {
      shop.open(WriteMode.FULL, run("run-1"));
      store.open(WriteMode.FULL, new RunStart(other, "run-9", Instant.EPOCH, List.of("orders")));
      shop.commit(ordersPage(1, List.of(1L)));

      assertThat(store.load().orElseThrow().walks()).isEmpty();
      assertThat(shop.load().orElseThrow().walks()).hasSize(2);
    }
  }

  @Test
  void aWalkRowChangedOutsidePagewalkIsRefusedNamingIt() throws Exception {
    String where;
    try (DatabaseSink db = openSink();
        WalkSink sink = db.walks("shop")) {
      where = db.describe();
      sink.open(WriteMode.FULL, run("run-1"));
      sink.commit(ordersPage(1, List.of(1L)));
    }
    execute("UPDATE _pagewalk_walks SET checkpoint = '{' WHERE stream = 'orders'");
    try (WalkSink sink = openSink().walks("shop")) {
      assertThatThrownBy(sink::load)
          .isInstanceOf(InputException.class)
          .hasMessage(
              "cannot resume: _pagewalk_walks row (shop, orders, ) is not a walk in "
                  + where
                  + "; the state was changed outside pagewalk, start over with --replace")
          .extracting(e -> ((InputException) e).code())
          .isEqualTo(ErrorCode.STATE);
    }
  }
}
