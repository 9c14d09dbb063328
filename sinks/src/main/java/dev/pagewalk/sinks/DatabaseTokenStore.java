package dev.pagewalk.sinks;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.state.TokenStore;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Tokens as rows of {@code _pagewalk_tokens} in the destination database, beside the sink's {@code
 * _pagewalk_checkpoints}: one row per key, each save one transaction (an upsert), committed before
 * {@link #save} returns. Every load and save opens its own connection, so a refresh on any thread
 * never shares the sink's transaction.
 *
 * <p>A SQLite file that holds tokens is made readable by its owner only (mode 0600, with its {@code
 * -wal} and {@code -shm} files) before the first token is written. In PostgreSQL the rows are as
 * private as the database's grants make them.
 *
 * <p>Failures are {@link ErrorCode#STATE} failures naming the table, the key and the database; no
 * message carries a token (only the first line of the database's message is kept: PostgreSQL's
 * detail lines may quote a row).
 */
public final class DatabaseTokenStore implements TokenStore {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** Opens a connection, configured, with auto-commit off. */
  private interface Connector {
    Connection connect() throws SQLException;
  }

  private final TokenTable table;
  private final Connector connector;
  private final Path sqliteFile;
  private final String where;
  private final Clock clock;

  private DatabaseTokenStore(
      TokenTable table, Connector connector, Path sqliteFile, String where, Clock clock) {
    this.table = table;
    this.connector = connector;
    this.sqliteFile = sqliteFile;
    this.where = where;
    this.clock = clock;
  }

  /** A store in the SQLite file {@code dbFile} (the file {@code --out sqlite:FILE} writes). */
  public static DatabaseTokenStore sqlite(Path dbFile) {
    return sqlite(dbFile, Clock.systemUTC());
  }

  /** As {@link #sqlite(Path)}; {@code clock} stamps {@code saved_at}. */
  public static DatabaseTokenStore sqlite(Path dbFile, Clock clock) {
    Connector connector =
        () -> {
          Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
          try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = FULL");
          } catch (SQLException e) {
            SqliteSink.closeQuietly(c, e);
            throw e;
          }
          c.setAutoCommit(false);
          return c;
        };
    return new DatabaseTokenStore(TokenTable.SQLITE, connector, dbFile, "sqlite:" + dbFile, clock);
  }

  /**
   * A store in the PostgreSQL database at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db}),
   * in the connection's current schema; user and password may be null.
   */
  public static DatabaseTokenStore postgres(String jdbcUrl, String user, String password) {
    java.util.Properties props = new java.util.Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    Connector connector =
        () -> {
          Connection c = DriverManager.getConnection(jdbcUrl, props);
          c.setAutoCommit(false);
          return c;
        };
    return new DatabaseTokenStore(
        TokenTable.POSTGRESQL, connector, null, PostgresSink.redact(jdbcUrl), Clock.systemUTC());
  }

  /** A store in the PostgreSQL database of {@code dataSource}, in its current schema. */
  public static DatabaseTokenStore postgres(DataSource dataSource, String description) {
    return postgres(dataSource, description, Clock.systemUTC());
  }

  /**
   * As {@link #postgres(DataSource, String)}; {@code clock} stamps {@code saved_at}.
   *
   * @param description how messages name the database (a URL without its password)
   */
  public static DatabaseTokenStore postgres(
      DataSource dataSource, String description, Clock clock) {
    Connector connector =
        () -> {
          Connection c = dataSource.getConnection();
          c.setAutoCommit(false);
          return c;
        };
    return new DatabaseTokenStore(TokenTable.POSTGRESQL, connector, null, description, clock);
  }

  @Override
  public Optional<SavedTokens> load(String key) {
    requireKey(key);
    try (Connection c = connector.connect()) {
      Optional<SavedTokens> found = Optional.empty();
      if (tableExists(c)) {
        try (PreparedStatement st = c.prepareStatement(table.selectSql())) {
          st.setString(1, key);
          try (ResultSet rs = st.executeQuery()) {
            if (rs.next()) {
              found = Optional.of(row(key, rs));
            }
          }
        }
      }
      c.commit();
      return found;
    } catch (SQLException e) {
      throw failure("cannot read the saved tokens of " + key, e);
    }
  }

  @Override
  public void save(String key, SavedTokens tokens) {
    requireKey(key);
    Objects.requireNonNull(tokens, "tokens");
    ownerOnly();
    try (Connection c = connector.connect()) {
      try (Statement st = c.createStatement()) {
        st.execute(table.createSql());
      }
      try (PreparedStatement st = c.prepareStatement(table.upsertSql())) {
        st.setString(1, key);
        st.setString(2, tokens.refreshToken());
        st.setString(3, tokens.accessToken());
        table.bindTime(st, 4, tokens.expiresAt());
        table.bindTime(st, 5, clock.instant());
        st.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw failure("cannot save the tokens of " + key, e);
    }
  }

  private boolean tableExists(Connection c) throws SQLException {
    String sql =
        table == TokenTable.SQLITE
            ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
            : "SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name = ?";
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, TokenTable.NAME);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  private SavedTokens row(String key, ResultSet rs) throws SQLException {
    try {
      return new SavedTokens(rs.getString(1), rs.getString(2), table.time(rs, 3));
    } catch (DateTimeParseException e) {
      throw new RunFailureException(
          ErrorCode.STATE,
          TokenTable.NAME
              + " row "
              + key
              + " in "
              + where
              + ": expires_at is not an ISO-8601 instant such as 2026-01-31T12:00:00Z;"
              + " delete the row to start again from the configured credentials");
    }
  }

  private void ownerOnly() {
    if (sqliteFile == null
        || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path f = sqliteFile.resolveSibling(sqliteFile.getFileName() + suffix);
      try {
        if (!Files.exists(f)) {
          if (!suffix.isEmpty()) {
            continue;
          }
          Files.createFile(f, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else if (!Files.getPosixFilePermissions(f).equals(OWNER_ONLY)) {
          Files.setPosixFilePermissions(f, OWNER_ONLY);
        }
      } catch (IOException e) {
        throw new RunFailureException(
            ErrorCode.STATE,
            "cannot make "
                + f
                + " readable by its owner only before saving tokens in it: "
                + e.getMessage(),
            e);
      }
    }
  }

  private static void requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a token store key is empty");
    }
  }

  private RunFailureException failure(String what, SQLException e) {
    SQLException cause = e.getNextException() != null ? e.getNextException() : e;
    String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
    return new RunFailureException(
        ErrorCode.STATE, what + " (" + TokenTable.NAME + " in " + where + "): " + message);
  }

  @Override
  public String toString() {
    return "DatabaseTokenStore[" + where + "]";
  }
}
