package dev.pagewalk.sinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.json.JsonConfig;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sink.RecordSink.HeldRecords;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sink into a SQL database: one table per stream (a sync, named after its sync name), with the
 * columns {@code key} (primary key: the canonical JSON of the record's key, see {@link
 * RecordKeys}), {@code payload} (the record as JSON), {@code page}, {@code run_id}, {@code
 * first_seen_at} and {@code updated_at}; and a table {@code _pagewalk_checkpoints(stream,
 * checkpoint, saved_at)}.
 *
 * <p>Each {@link #write} is one transaction holding the page's records and the checkpoint after
 * them, so a crash at any moment leaves both or neither. Records are upserted by key: a page
 * written twice (a resumed run repeats the page after the last checkpoint) leaves one row per key,
 * whose {@code updated_at} moves only when its payload changed. A fresh run (full or incremental)
 * does not empty the table; it adds and updates rows. Only {@link WriteMode#REPLACE} empties it.
 *
 * <p>Used by one run at a time, like every {@link RecordSink}; owns its connection. {@link #open}
 * takes the sync's run lock, so that a second run on the same database and sync name (a cron job
 * that overruns) fails fast naming the first one's pid, instead of interleaving pages; a killed
 * run's lock goes with its process.
 */
public abstract sealed class DatabaseSink implements RecordSink permits SqliteSink, PostgresSink {
  static final String CHECKPOINTS = "_pagewalk_checkpoints";
  private static final ObjectWriter JSON = JsonConfig.MAPPER.writer();

  private final Connection connection;
  private final Clock clock;
  private String stream;
  private PreparedStatement upsert;
  private PreparedStatement saveCheckpoint;
  private RunLock runLock;

  /** A run's exclusive hold on one sync in this database; released by {@link #close}. */
  interface RunLock extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  /** How a refused run is told to get out of the other's way. */
  static final String WAY_OUT = "give this run its own --sync-name";

  DatabaseSink(Connection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  /** Creates the checkpoint table if needed; called by the factories once the subclass exists. */
  final void init() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(checkpointTableSql());
    }
    connection.commit();
  }

  /** The sink's connection, for tests that break it. */
  final Connection connection() {
    return connection;
  }

  abstract String createTableSql(String table);

  abstract String upsertSql(String table);

  abstract String checkpointTableSql();

  abstract String saveCheckpointSql();

  abstract String tableExistsSql();

  abstract void bindTime(PreparedStatement st, int index, Instant at) throws SQLException;

  /**
   * Takes the run lock of sync {@code streamName} without waiting for a live holder; it must be
   * released when this process dies, however it dies.
   *
   * @throws IOException {@code another run holds ... (pid N since T); ...} when another run has it
   */
  abstract RunLock lockRun(String streamName) throws IOException, SQLException;

  @Override
  public Optional<Checkpoint> checkpoint(String streamName) throws IOException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT checkpoint FROM " + CHECKPOINTS + " WHERE stream = ?")) {
      st.setString(1, streamName);
      Optional<Checkpoint> found = Optional.empty();
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          found = Optional.of(Checkpoint.fromJson(rs.getString(1)));
        }
      }
      connection.commit();
      return found;
    } catch (SQLException e) {
      throw failure("cannot read the checkpoint of " + streamName, e);
    } catch (IllegalArgumentException e) {
      throw new IOException(CHECKPOINTS + " row " + streamName + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #open(WriteMode, String, Checkpoint)} without {@link WriteMode#REPLACE}. */
  @Override
  public void open(String streamName, Checkpoint resumeFrom) throws IOException {
    open(resumeFrom == null ? WriteMode.FULL : WriteMode.RESUME, streamName, resumeFrom);
  }

  /**
   * Creates the stream's table if needed. Nothing to drop on a resume or a rerun: rows are upserted
   * by key. {@link WriteMode#REPLACE} deletes the stream's rows and its checkpoint, in one
   * transaction, before the run writes its first page.
   */
  @Override
  public void open(WriteMode mode, String streamName, Checkpoint resumeFrom) throws IOException {
    String table = StreamTables.quoted(streamName);
    lock(streamName);
    try {
      closeStatements();
      try (Statement st = connection.createStatement()) {
        st.execute(createTableSql(table));
        if (mode == WriteMode.REPLACE) {
          st.execute("DELETE FROM " + table);
          try (PreparedStatement forget =
              connection.prepareStatement("DELETE FROM " + CHECKPOINTS + " WHERE stream = ?")) {
            forget.setString(1, streamName);
            forget.executeUpdate();
          }
        }
      }
      connection.commit();
      upsert = connection.prepareStatement(upsertSql(table));
      saveCheckpoint = connection.prepareStatement(saveCheckpointSql());
      stream = streamName;
    } catch (SQLException e) {
      rollback(e);
      throw failure(
          mode == WriteMode.REPLACE
              ? "cannot empty the table " + table
              : "cannot create the table " + table,
          e);
    }
  }

  /** Upserts the records and saves the checkpoint in one transaction. */
  @Override
  public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
    if (upsert == null) {
      throw new IllegalStateException("write before open");
    }
    Instant now = clock.instant();
    try {
      for (OutputRecord r : records) {
        bindRow(upsert, r, after == null ? null : after.runId(), now);
        upsert.addBatch();
      }
      if (!records.isEmpty()) {
        upsert.executeBatch();
      }
      if (after != null) {
        saveCheckpoint.setString(1, stream);
        saveCheckpoint.setString(2, after.toJson());
        bindTime(saveCheckpoint, 3, now);
        saveCheckpoint.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      rollback(e);
      throw failure(
          "writing page records to " + stream + " failed, nothing of the page was kept", e);
    }
  }

  /**
   * The keys of the stream's rows the run of {@code upTo} wrote ({@code run_id}): rows of earlier
   * runs are not this run's deliveries, even where it will write them again. Each page was one
   * transaction with its checkpoint, so these are exactly the run's rows up to its last checkpoint
   * (and those of pages written since).
   */
  @Override
  public boolean readBack(String streamName, Checkpoint upTo, HeldRecords held) throws IOException {
    String table = StreamTables.quoted(streamName);
    return inTransaction(
        "cannot read back the rows of run " + upTo.runId() + " in " + table,
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT key FROM " + table + " WHERE run_id = ?")) {
            st.setString(1, upTo.runId());
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                held.key(rs.getString(1));
              }
            }
          }
          return true;
        });
  }

  /** Binds a record to the parameters of an {@link #upsertSql} statement. */
  final void bindRow(PreparedStatement st, OutputRecord r, String runId, Instant now)
      throws SQLException {
    st.setString(1, RecordKeys.of(r.key(), r.value()));
    st.setString(2, json(r.value()));
    st.setLong(3, r.page());
    st.setString(4, runId);
    bindTime(st, 5, now);
    bindTime(st, 6, now);
  }

  /**
   * A connector run into this database as the sync {@code syncName}: each stream's records in its
   * table {@code SYNC.STREAM} ({@link #streamTable}), each walk's state in {@code _pagewalk_walks}
   * and the run in {@code _pagewalk_runs}; each page, its walk's checkpoint and the walks it
   * spawned are one transaction. The returned sink owns this one: closing it closes this.
   *
   * @throws IllegalArgumentException when {@code syncName} is not a sync name
   * @throws IOException when the state tables cannot be created
   */
  public WalkSink walks(String syncName) throws IOException {
    return DatabaseWalkSink.open(this, syncName);
  }

  /** Work on the connection, committed when it returns and rolled back when it throws. */
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} as one transaction; an SQL failure is an IOException starting {@code what}.
   */
  final synchronized <T> T inTransaction(String what, SqlWork<T> work) throws IOException {
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback(e);
      throw failure(what, e);
    } catch (RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The time rows written now are stamped with. */
  final Instant now() {
    return clock.instant();
  }

  /** The database, for messages: {@code SQLite database FILE} or {@code PostgreSQL database DB}. */
  abstract String describe();

  /** The SQL type of a time column. */
  abstract String timeType();

  /**
   * The table that holds {@code stream} of the connector synced as {@code syncName}: {@code
   * SYNC.STREAM}, to be double-quoted in SQL.
   *
   * @throws IllegalArgumentException when the name cannot be a table name
   */
  public static String streamTable(String syncName, String stream) {
    return StreamTables.of(syncName, stream);
  }

  /** The stored keys of the stream's rows ({@link RecordKeys} text); empty before its first run. */
  public Set<String> keys(String streamName) throws IOException {
    StreamTables.quoted(streamName);
    return HeldRows.keys(this, streamName);
  }

  /** The number of rows of the stream; 0 before its first run. */
  public long count(String streamName) throws IOException {
    StreamTables.quoted(streamName);
    return HeldRows.count(this, streamName);
  }

  /** The stored keys of a connector stream's rows; empty before its first run. */
  public Set<String> keys(String syncName, String stream) throws IOException {
    return HeldRows.keys(this, StreamTables.of(syncName, stream));
  }

  /** The number of rows of a connector stream; 0 before its first run. */
  public long count(String syncName, String stream) throws IOException {
    return HeldRows.count(this, StreamTables.of(syncName, stream));
  }

  /** Takes the run lock of sync {@code syncName}, unless this sink holds it already. */
  final synchronized void lock(String syncName) throws IOException {
    if (runLock == null || !syncName.equals(stream)) {
      releaseRunLock();
      try {
        runLock = lockRun(syncName);
      } catch (SQLException e) {
        rollback(e);
        throw failure("cannot lock sync " + syncName, e);
      }
      stream = syncName;
    }
  }

  private void releaseRunLock() throws IOException {
    if (runLock != null) {
      RunLock held = runLock;
      runLock = null;
      held.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      releaseRunLock();
    } catch (IOException e) {
      // the connection's end releases what the lock holds in the database
    }
    try {
      closeStatements();
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // closing anyway
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        throw failure("cannot close the connection", e);
      }
    }
  }

  private static String json(Object value) throws SQLException {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new SQLException("record is not JSON data: " + e.getOriginalMessage(), e);
    }
  }

  private void rollback(SQLException cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void closeStatements() throws SQLException {
    if (upsert != null) {
      upsert.close();
      upsert = null;
    }
    if (saveCheckpoint != null) {
      saveCheckpoint.close();
      saveCheckpoint = null;
    }
  }

  private IOException failure(String what, SQLException e) {
    SQLException cause = e.getNextException() != null ? e.getNextException() : e;
    return new IOException(what + ": " + cause.getMessage(), e);
  }
}
