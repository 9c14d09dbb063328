package dev.pagewalk.sinks;

import dev.pagewalk.state.StateLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;

/**
 * A {@link DatabaseSink} into a SQLite file (embedded, through xerial sqlite-jdbc; nothing to
 * install). The file is opened in WAL mode with {@code synchronous=FULL}, so a committed page
 * survives a crash of the process or of the machine. Payloads are JSON text (query them with
 * SQLite's {@code ->>} operator); times are ISO-8601 text in UTC.
 *
 * <pre>{@code
 * try (SqliteSink sink = SqliteSink.open(Path.of("out.db"))) {
 *   runner.sync(plan, input, sink, true);
 * }
 * }</pre>
 */
public final class SqliteSink extends DatabaseSink {
  private final Path dbFile;

  private SqliteSink(Connection connection, Clock clock, Path dbFile) {
    super(connection, clock);
    this.dbFile = dbFile;
  }

  /** Opens (creating if needed) the database file. */
  public static SqliteSink open(Path dbFile) throws IOException {
    return open(dbFile, Clock.systemUTC());
  }

  /** Opens the database file; {@code clock} stamps {@code first_seen_at} and {@code updated_at}. */
  public static SqliteSink open(Path dbFile, Clock clock) throws IOException {
    Path parent = dbFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA busy_timeout = 10000");
        st.execute("PRAGMA journal_mode = WAL");
        st.execute("PRAGMA synchronous = FULL");
      }
      SqliteSink sink = new SqliteSink(connection, clock, dbFile);
      sink.init();
      return sink;
    } catch (SQLException e) {
      closeQuietly(connection, e);
      throw new IOException("cannot open SQLite database " + dbFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  String createTableSql(String table) {
    return "CREATE TABLE IF NOT EXISTS "
        + table
        + " (key TEXT PRIMARY KEY, payload TEXT NOT NULL,"
        + " page INTEGER, run_id TEXT, first_seen_at TEXT NOT NULL, updated_at TEXT NOT NULL)";
  }

  @Override
  String upsertSql(String table) {
    return "INSERT INTO "
        + table
        + " (key, payload, page, run_id, first_seen_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET payload = excluded.payload,"
        + " page = excluded.page, run_id = excluded.run_id, updated_at = CASE WHEN "
        + table
        + ".payload IS excluded.payload THEN "
        + table
        + ".updated_at ELSE excluded.updated_at END";
  }

  @Override
  String checkpointTableSql() {
    return "CREATE TABLE IF NOT EXISTS "
        + CHECKPOINTS
        + " (stream TEXT PRIMARY KEY, checkpoint TEXT NOT NULL, saved_at TEXT NOT NULL)";
  }

  @Override
  String saveCheckpointSql() {
    return "INSERT INTO "
        + CHECKPOINTS
        + " (stream, checkpoint, saved_at) VALUES (?, ?, ?)"
        + " ON CONFLICT(stream) DO UPDATE SET checkpoint = excluded.checkpoint,"
        + " saved_at = excluded.saved_at";
  }

  /**
   * The operating system's lock on {@code DB.SYNC.lock} beside the database file ({@link
   * StateLock}): SQLite's own locks last a transaction, and a run spans many.
   */
  @Override
  RunLock lockRun(String streamName) throws IOException {
    Path file = dbFile.resolveSibling(dbFile.getFileName() + "." + streamName + ".lock");
    StateLock lock = StateLock.take(file, WAY_OUT);
    return lock::close;
  }

  @Override
  String describe() {
    return "SQLite database " + dbFile;
  }

  @Override
  String timeType() {
    return "TEXT";
  }

  @Override
  String tableExistsSql() {
    return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
  }

  @Override
  void bindTime(PreparedStatement st, int index, Instant at) throws SQLException {
    st.setString(index, at.toString());
  }

  static void closeQuietly(Connection connection, SQLException cause) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
