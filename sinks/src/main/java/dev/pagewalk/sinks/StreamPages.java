package dev.pagewalk.sinks;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.WalkSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of one connector run in a database: one per stream ({@link StreamTables#of}), each
 * upserted by record key as a one-stream sync's table is, and the walks' state ({@link
 * WalkTables}). Not thread-safe: its {@link DatabaseWalkSink} commits one page at a time.
 */
final class StreamPages implements AutoCloseable {
  private final DatabaseSink db;
  private final String sync;
  private final Map<String, PreparedStatement> upserts = new LinkedHashMap<>();
  private PreparedStatement saveCheckpoint;
  private PreparedStatement spawn;

  private StreamPages(DatabaseSink db, String sync) {
    this.db = db;
    this.sync = sync;
  }

  /**
   * Adds to the open transaction: the tables of {@code streams} if needed (emptied first when
   * {@code replace}) and the state tables; prepares the statements of the run's pages.
   *
   * @throws IllegalArgumentException naming the first stream that cannot name a table, before any
   *     statement
   */
  static StreamPages open(DatabaseSink db, String sync, List<String> streams, boolean replace)
      throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    for (String stream : streams) {
      tables.put(stream, '"' + StreamTables.of(sync, stream) + '"');
    }
    Connection c = db.connection();
    WalkTables.create(c, db.timeType());
    try (Statement st = c.createStatement()) {
      for (String table : tables.values()) {
        st.execute(db.createTableSql(table));
        if (replace) {
          st.execute("DELETE FROM " + table);
        }
      }
    }
    StreamPages pages = new StreamPages(db, sync);
    try {
      for (Map.Entry<String, String> t : tables.entrySet()) {
        pages.upserts.put(t.getKey(), c.prepareStatement(db.upsertSql(t.getValue())));
      }
      pages.saveCheckpoint = c.prepareStatement(WalkTables.SAVE_CHECKPOINT);
      pages.spawn = c.prepareStatement(WalkTables.SPAWN);
    } catch (SQLException e) {
      try {
        pages.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return pages;
  }

  private void upsert(String stream, List<OutputRecord> records, String runId, Instant now)
      throws SQLException {
    PreparedStatement upsert = upserts.get(stream);
    if (upsert == null) {
      throw new IllegalArgumentException(
          "stream '"
              + stream
              + "' was not opened for sync "
              + sync
              + "; it has "
              + upserts.keySet());
    }
    if (records.isEmpty()) {
      return;
    }
    for (OutputRecord r : records) {
      db.bindRow(upsert, r, runId, now);
      upsert.addBatch();
    }
    upsert.executeBatch();
  }

  /**
   * Adds a walk's page to the open transaction: its records, its checkpoint, the walks it spawned
   * and, with the walk's last page, its outcome.
   */
  void commit(WalkSink.Page page, Instant now) throws SQLException {
    String runId = page.after() == null ? null : page.after().runId();
    if (!page.records().isEmpty()) {
      upsert(page.stream(), page.records(), runId, now);
    }
    if (page.after() != null) {
      saveCheckpoint.setString(1, sync);
      saveCheckpoint.setString(2, page.stream());
      saveCheckpoint.setString(3, page.walk());
      saveCheckpoint.setString(4, page.after().toJson());
      db.bindTime(saveCheckpoint, 5, now);
      saveCheckpoint.setString(6, page.outcome() == null ? null : page.outcome().toJson());
      saveCheckpoint.executeUpdate();
    }
    for (WalkSink.Spawned s : page.spawned()) {
      spawn.setString(1, sync);
      spawn.setString(2, s.stream());
      spawn.setString(3, s.walk());
      spawn.setString(4, DatabaseWalkSink.json(s.parent()));
      db.bindTime(spawn, 5, now);
      spawn.addBatch();
    }
    if (!page.spawned().isEmpty()) {
      spawn.executeBatch();
    }
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    List<PreparedStatement> all = new java.util.ArrayList<>(upserts.values());
    all.add(saveCheckpoint);
    all.add(spawn);
    all.removeIf(java.util.Objects::isNull);
    for (PreparedStatement st : all) {
      try {
        st.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    upserts.clear();
    if (first != null) {
      throw first;
    }
  }
}
