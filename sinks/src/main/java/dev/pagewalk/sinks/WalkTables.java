package dev.pagewalk.sinks;

/**
 * The SQL of a connector run's state in a database: {@code _pagewalk_runs}, one row per sync (the
 * run that sync last started: its identity, id, start and streams, as JSON), and {@code
 * _pagewalk_walks}, one row per walk keyed by {@code (sync, stream, walk)}: the parent record a
 * spawned walk needs (JSON; null for a walk without a parent) and the walk's last committed
 * checkpoint (null until its first page).
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
        + " NOT NULL, PRIMARY KEY (sync, stream, walk))";
  }

  /** Parameters: sync, run, saved_at. */
  static final String SAVE_RUN =
      "INSERT INTO "
          + RUNS
          + " (sync, run, saved_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (sync) DO UPDATE SET run = excluded.run, saved_at = excluded.saved_at";

  /** Parameters: sync, stream, walk, checkpoint, saved_at; a spawned walk keeps its parent. */
  static final String SAVE_CHECKPOINT =
      "INSERT INTO "
          + WALKS
          + " (sync, stream, walk, parent, checkpoint, saved_at) VALUES (?, ?, ?, NULL, ?, ?)"
          + " ON CONFLICT (sync, stream, walk) DO UPDATE SET checkpoint = excluded.checkpoint,"
          + " saved_at = excluded.saved_at";

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
      "SELECT stream, walk, parent, checkpoint FROM " + WALKS + " WHERE sync = ?";

  static final String FORGET_RUN = "DELETE FROM " + RUNS + " WHERE sync = ?";

  static final String FORGET_WALKS = "DELETE FROM " + WALKS + " WHERE sync = ?";
}
