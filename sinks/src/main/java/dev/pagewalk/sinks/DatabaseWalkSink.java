package dev.pagewalk.sinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.SyncIdentity;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connector run into a database, as one sync: each stream's records in its table {@code
 * SYNC.STREAM} (upserted by key), the run and each walk's state in {@link WalkTables}; each {@link
 * #commit} is one transaction holding the page's records, the walk's checkpoint and the walks the
 * page spawned. A fresh run ({@link WriteMode#FULL}) keeps the rows already there, as a one-stream
 * run into a database does, and replaces the sync's state with its own. Owns its {@link
 * DatabaseSink}.
 */
final class DatabaseWalkSink implements WalkSink {
  private static final ObjectMapper STATE =
      JsonConfig.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private final DatabaseSink db;
  private final String sync;
  private StreamPages pages;

  /** What {@code _pagewalk_runs.run} holds. */
  record RunRow(SyncIdentity identity, String runId, String startedAt, List<String> streams) {}

  private DatabaseWalkSink(DatabaseSink db, String sync) {
    this.db = db;
    this.sync = sync;
  }

  /** The sink of sync {@code sync} in {@code db}, with the state tables created if needed. */
  static DatabaseWalkSink open(DatabaseSink db, String sync) throws IOException {
    DatabaseWalkSink walks = new DatabaseWalkSink(db, SyncIdentity.checkName(sync));
    db.inTransaction(
        "cannot create the state tables",
        c -> {
          WalkTables.create(c, db.timeType());
          return null;
        });
    return walks;
  }

  @Override
  public synchronized Optional<Saved> load() throws IOException {
    return db.inTransaction("cannot read the state of sync " + sync, this::read);
  }

  private Optional<Saved> read(Connection c) throws SQLException {
    RunStart run = null;
    try (PreparedStatement st = c.prepareStatement(WalkTables.LOAD_RUN)) {
      st.setString(1, sync);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          run = runStart(rs.getString(1));
        }
      }
    }
    if (run == null) {
      return Optional.empty();
    }
    List<SavedWalk> walks = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(WalkTables.LOAD_WALKS)) {
      st.setString(1, sync);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          walks.add(
              savedWalk(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)));
        }
      }
    }
    return Optional.of(new Saved(run, walks));
  }

  /**
   * Takes the sync's run lock, then in one transaction creates the stream tables and the state
   * tables if needed; {@link WriteMode#REPLACE} empties the stream tables; a fresh or replacing run
   * forgets the sync's walks; every run saves itself as the sync's run (a resumed one, the run it
   * continues — or its own when the destination held none). Every stream name is checked before
   * anything is done.
   *
   * @throws IllegalArgumentException naming a stream whose name cannot make a table name
   */
  @Override
  public synchronized void open(WriteMode mode, RunStart run) throws IOException {
    if (!run.identity().name().equals(sync)) {
      throw new IllegalArgumentException(
          "this sink holds sync " + sync + ", not " + run.identity().name());
    }
    run.streams().forEach(stream -> StreamTables.of(sync, stream));
    db.lock(sync);
    closePages();
    pages =
        db.inTransaction(
            "cannot create the tables of sync " + sync,
            c -> {
              StreamPages opened =
                  StreamPages.open(db, sync, run.streams(), mode == WriteMode.REPLACE);
              try (PreparedStatement forget = c.prepareStatement(WalkTables.FORGET_WALKS);
                  PreparedStatement save = c.prepareStatement(WalkTables.SAVE_RUN)) {
                if (mode != WriteMode.RESUME) {
                  forget.setString(1, sync);
                  forget.executeUpdate();
                }
                save.setString(1, sync);
                save.setString(2, json(runRow(run)));
                db.bindTime(save, 3, db.now());
                save.executeUpdate();
              } catch (SQLException e) {
                opened.close();
                throw e;
              }
              return opened;
            });
  }

  /** Commits the page's records, its walk's checkpoint and the walks it spawned together. */
  @Override
  public synchronized void commit(Page page) throws IOException {
    if (pages == null) {
      throw new IllegalStateException("commit before open");
    }
    StreamPages open = pages;
    db.inTransaction(
        "writing page records to "
            + StreamTables.of(sync, page.stream())
            + " failed, nothing of the page was kept",
        c -> {
          open.commit(page, db.now());
          return null;
        });
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      closePages();
    } finally {
      db.close();
    }
  }

  private void closePages() throws IOException {
    if (pages != null) {
      StreamPages open = pages;
      pages = null;
      try {
        open.close();
      } catch (SQLException e) {
        throw new IOException(
            "cannot close the statements of sync " + sync + ": " + e.getMessage(), e);
      }
    }
  }

  private static RunRow runRow(RunStart run) {
    return new RunRow(run.identity(), run.runId(), run.startedAt().toString(), run.streams());
  }

  private RunStart runStart(String json) {
    try {
      RunRow row = STATE.readValue(json, RunRow.class);
      return new RunStart(
          row.identity(), row.runId(), Instant.parse(row.startedAt()), row.streams());
    } catch (JsonProcessingException | RuntimeException e) {
      throw corrupt(WalkTables.RUNS + " row " + sync + " is not a pagewalk run");
    }
  }

  private SavedWalk savedWalk(
      String stream, String walk, String parent, String checkpoint, String outcome) {
    try {
      return new SavedWalk(
          stream,
          walk,
          parent == null ? null : JsonConfig.MAPPER.readValue(parent, Object.class),
          checkpoint == null ? null : Checkpoint.fromJson(checkpoint),
          outcome == null ? null : Outcome.fromJson(outcome));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw corrupt(
          WalkTables.WALKS + " row (" + sync + ", " + stream + ", " + walk + ") is not a walk");
    }
  }

  private InputException corrupt(String what) {
    return new InputException(
        ErrorCode.STATE,
        "cannot resume: "
            + what
            + " in "
            + db.describe()
            + "; the state was changed outside pagewalk, start over with --replace");
  }

  static String json(Object value) throws SQLException {
    try {
      return STATE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new SQLException("not JSON data: " + e.getOriginalMessage(), e);
    }
  }
}
