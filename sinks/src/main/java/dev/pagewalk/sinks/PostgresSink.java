package dev.pagewalk.sinks;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A {@link DatabaseSink} into PostgreSQL: payloads are {@code JSONB}, times {@code TIMESTAMPTZ};
 * tables are created in the connection's current schema.
 *
 * <pre>{@code
 * try (PostgresSink sink = PostgresSink.open("jdbc:postgresql://localhost/app", "etl", pw)) {
 *   runner.sync(plan, input, sink, true);
 * }
 * }</pre>
 */
public final class PostgresSink extends DatabaseSink {
  private PostgresSink(Connection connection, Clock clock) {
    super(connection, clock);
  }

  /** Connects with the given JDBC URL ({@code jdbc:postgresql://host:port/db}) and credentials. */
  public static PostgresSink open(String jdbcUrl, String user, String password) throws IOException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    try {
      return wrap(DriverManager.getConnection(jdbcUrl, props), Clock.systemUTC());
    } catch (SQLException e) {
      throw new IOException(
          "cannot connect to PostgreSQL at " + redact(jdbcUrl) + ": " + e.getMessage(), e);
    }
  }

  /** Takes one connection from the data source and owns it until {@link #close()}. */
  public static PostgresSink open(DataSource dataSource) throws IOException {
    return open(dataSource, Clock.systemUTC());
  }

  /**
   * As {@link #open(DataSource)}; {@code clock} stamps {@code first_seen_at}/{@code updated_at}.
   */
  public static PostgresSink open(DataSource dataSource, Clock clock) throws IOException {
    try {
      return wrap(dataSource.getConnection(), clock);
    } catch (SQLException e) {
      throw new IOException("cannot connect to PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static PostgresSink wrap(Connection connection, Clock clock) throws SQLException {
    try {
      PostgresSink sink = new PostgresSink(connection, clock);
      sink.init();
      return sink;
    } catch (SQLException e) {
      SqliteSink.closeQuietly(connection, e);
      throw e;
    }
  }

  @Override
  String createTableSql(String table) {
    return "CREATE TABLE IF NOT EXISTS "
        + table
        + " (key TEXT PRIMARY KEY, payload JSONB NOT NULL,"
        + " page BIGINT, run_id TEXT, first_seen_at TIMESTAMPTZ NOT NULL,"
        + " updated_at TIMESTAMPTZ NOT NULL)";
  }

  @Override
  String upsertSql(String table) {
    return "INSERT INTO "
        + table
        + " AS t (key, payload, page, run_id, first_seen_at, updated_at)"
        + " VALUES (?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
        + " payload = EXCLUDED.payload, page = EXCLUDED.page, run_id = EXCLUDED.run_id,"
        + " updated_at = CASE WHEN t.payload = EXCLUDED.payload THEN t.updated_at"
        + " ELSE EXCLUDED.updated_at END";
  }

  @Override
  String checkpointTableSql() {
    return "CREATE TABLE IF NOT EXISTS "
        + CHECKPOINTS
        + " (stream TEXT PRIMARY KEY, checkpoint TEXT NOT NULL, saved_at TIMESTAMPTZ NOT NULL)";
  }

  @Override
  String saveCheckpointSql() {
    return "INSERT INTO "
        + CHECKPOINTS
        + " (stream, checkpoint, saved_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (stream) DO UPDATE SET checkpoint = EXCLUDED.checkpoint,"
        + " saved_at = EXCLUDED.saved_at";
  }

  /** The advisory lock class of pagewalk's run locks; the object is {@code hashtext(sync)}. */
  static final int LOCK_CLASS = 0x70776b; // "pwk"

  /** How long a refused run waits for a holder whose session may be ending (its process died). */
  static final Duration LOCK_GRACE = Duration.ofSeconds(2);

  /**
   * A session-level advisory lock, which PostgreSQL releases when the session ends — when the
   * holding process dies, its connection closes. The session's {@code application_name} says {@code
   * pagewalk pid N since T}, which a refused run reads from {@code pg_stat_activity}.
   */
  @Override
  RunLock lockRun(String streamName) throws IOException, SQLException {
    Connection c = connection();
    long giveUp = System.nanoTime() + LOCK_GRACE.toNanos();
    while (!tryLock(c, streamName)) {
      if (System.nanoTime() > giveUp) {
        throw new IOException(
            "another run holds sync "
                + streamName
                + " in PostgreSQL database "
                + currentDatabase(c)
                + " ("
                + holder(c, streamName)
                + "); wait for it to end, or "
                + WAY_OUT);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the lock of sync " + streamName, e);
      }
    }
    try (PreparedStatement st =
        c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
      st.setString(
          1,
          "pagewalk pid "
              + ProcessHandle.current().pid()
              + " since "
              + Instant.now().truncatedTo(ChronoUnit.SECONDS));
      st.execute();
    }
    c.commit();
    return () -> {
      try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
        st.setInt(1, LOCK_CLASS);
        st.setString(2, streamName);
        st.execute();
        c.commit();
      } catch (SQLException e) {
        throw new IOException("cannot unlock sync " + streamName + ": " + e.getMessage(), e);
      }
    };
  }

  private static boolean tryLock(Connection c, String streamName) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
      st.setInt(1, LOCK_CLASS);
      st.setString(2, streamName);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        boolean locked = rs.getBoolean(1);
        c.commit();
        return locked;
      }
    }
  }

  private static String holder(Connection c, String streamName) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::int4::oid"
                + " AND l.objid = hashtext(?)::oid AND l.objsubid = 2")) {
      st.setInt(1, LOCK_CLASS);
      st.setString(2, streamName);
      try (ResultSet rs = st.executeQuery()) {
        String name = rs.next() ? rs.getString(1) : null;
        c.commit();
        return name != null && name.matches("pagewalk pid [0-9]+ since [0-9TZ:.-]+")
            ? name.substring("pagewalk ".length())
            : "pid unknown";
      }
    }
  }

  private static String currentDatabase(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT current_database()");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      String name = rs.getString(1);
      c.commit();
      return name;
    }
  }

  @Override
  String describe() {
    try {
      return "PostgreSQL database " + currentDatabase(connection());
    } catch (SQLException e) {
      return "PostgreSQL";
    }
  }

  @Override
  String timeType() {
    return "TIMESTAMPTZ";
  }

  @Override
  String tableExistsSql() {
    return "SELECT 1 FROM information_schema.tables"
        + " WHERE table_schema = current_schema() AND table_name = ?";
  }

  @Override
  void bindTime(PreparedStatement st, int index, Instant at) throws SQLException {
    st.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  /** The URL without its query, where a password may be. */
  static String redact(String jdbcUrl) {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q) + "?…";
  }
}
