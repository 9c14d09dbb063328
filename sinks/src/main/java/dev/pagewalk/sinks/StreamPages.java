package dev.pagewalk.sinks;

import dev.pagewalk.OutputRecord;
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
 * upserted by record key as a one-stream sync's table is. Not thread-safe: its {@link DatabaseSink}
 * serialises the run's walks.
 */
final class StreamPages implements AutoCloseable {
  private final DatabaseSink db;
  private final String sync;
  private final Map<String, PreparedStatement> upserts = new LinkedHashMap<>();

  private StreamPages(DatabaseSink db, String sync) {
    this.db = db;
    this.sync = sync;
  }

  /**
   * Creates the tables of {@code streams} if needed (emptied first when {@code replace}), in one
   * transaction, and prepares their upserts. Names are checked before anything is created.
   *
   * @throws IllegalArgumentException naming the first stream that cannot name a table
   */
  static StreamPages open(DatabaseSink db, String sync, List<String> streams, boolean replace)
      throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    for (String stream : streams) {
      tables.put(stream, '"' + StreamTables.of(sync, stream) + '"');
    }
    Connection c = db.connection();
    try (Statement st = c.createStatement()) {
      for (String table : tables.values()) {
        st.execute(db.createTableSql(table));
        if (replace) {
          st.execute("DELETE FROM " + table);
        }
      }
    }
    c.commit();
    StreamPages pages = new StreamPages(db, sync);
    try {
      for (Map.Entry<String, String> t : tables.entrySet()) {
        pages.upserts.put(t.getKey(), c.prepareStatement(db.upsertSql(t.getValue())));
      }
    } catch (SQLException e) {
      pages.close();
      throw e;
    }
    return pages;
  }

  String sync() {
    return sync;
  }

  /** Adds the upserts of a page's records of {@code stream} to the open transaction. */
  void upsert(String stream, List<OutputRecord> records, String runId, Instant now)
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

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement st : upserts.values()) {
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
