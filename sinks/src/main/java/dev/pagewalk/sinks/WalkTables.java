package dev.pagewalk.sinks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL of a connector run's state in a database: {@code _pagewalk_runs}, one row per sync (the
 * run that sync last started: its identity, id, start and streams, as JSON), and {@code
 * _pagewalk_walks}, one row per walk keyed by {@code (sync, stream, walk)}: the parent record a
 * spawned walk needs (JSON; null for a walk without a parent), the walk's last committed checkpoint
 * (null until its first page) and, committed with its last page, what the walk came to ({@code
 * outcome}, a {@link dev.pagewalk.sink.WalkSink.Outcome} as JSON; null while it goes on). A table
 * created before outcomes were kept gains the column when a run opens it.
 */
final class WalkTables {
  static final String RUNS = "_pagewalk_runs";
  static final String WALKS = "_pagewalk_walks";

  private WalkTables() {}

  static String createRuns(String timeType) {
    return "CREATE TABLE IF NOT EXISTS "
        + RUNS
        + " (sync TEXT PRIMARY KEY, run TEXT NOT NULL, saved_at "
        + timeType
        + " NOT NULL)";
  }

  static String createWalks(String timeType) {
    return "CREATE TABLE IF NOT EXISTS "
        + WALKS
        + " (sync TEXT NOT NULL, stream TEXT NOT NULL, walk TEXT NOT NULL, parent TEXT,"
        + " checkpoint TEXT, saved_at "
        + timeType
        + " NOT NULL, outcome TEXT, PRIMARY KEY (sync, stream, walk))";
  }

  /** The column a table created before outcomes were kept lacks. */
  static final String OUTCOME = "outcome";

  static final String ADD_OUTCOME = "ALTER TABLE " + WALKS + " ADD COLUMN " + OUTCOME + " TEXT";

  /** Parameters: sync, run, saved_at. */
  static final String SAVE_RUN =
      "INSERT INTO "
          + RUNS
          + " (sync, run, saved_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (sync) DO UPDATE SET run = excluded.run, saved_at = excluded.saved_at";

  /**
   * Parameters: sync, stream, walk, checkpoint, saved_at, outcome (null while the walk goes on); a
   * spawned walk keeps its parent.
   */
  static final String SAVE_CHECKPOINT =
      "INSERT INTO "
          + WALKS
          + " (sync, stream, walk, parent, checkpoint, saved_at, outcome)"
          + " VALUES (?, ?, ?, NULL, ?, ?, ?)"
          + " ON CONFLICT (sync, stream, walk) DO UPDATE SET checkpoint = excluded.checkpoint,"
          + " saved_at = excluded.saved_at, outcome = excluded.outcome";

  /**
   * Parameters: sync, stream, walk, parent, saved_at. A walk spawned again (a resumed run repeats
   * the page after the last commit) keeps the state it has.
   */
  static final String SPAWN =
      "INSERT INTO "
          + WALKS
          + " (sync, stream, walk, parent, checkpoint, saved_at) VALUES (?, ?, ?, ?, NULL, ?)"
          + " ON CONFLICT (sync, stream, walk) DO NOTHING";

  static final String LOAD_RUN = "SELECT run FROM " + RUNS + " WHERE sync = ?";

  static final String LOAD_WALKS =
      "SELECT stream, walk, parent, checkpoint, outcome FROM " + WALKS + " WHERE sync = ?";

  static final String FORGET_RUN = "DELETE FROM " + RUNS + " WHERE sync = ?";

  static final String FORGET_WALKS = "DELETE FROM " + WALKS + " WHERE sync = ?";

  /**
   * Creates the state tables if needed, and adds {@code outcome} to a walks table created before
   * outcomes were kept.
   */
  static void create(Connection c, String timeType) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(createRuns(timeType));
      st.execute(createWalks(timeType));
      if (!hasOutcome(c)) {
        st.execute(ADD_OUTCOME);
      }
    }
  }

  private static boolean hasOutcome(Connection c) throws SQLException {
    try (ResultSet columns = c.getMetaData().getColumns(null, null, WALKS, OUTCOME)) {
      return columns.next();
    }
  }
}
