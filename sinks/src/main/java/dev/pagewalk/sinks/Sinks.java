package dev.pagewalk.sinks;

import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.state.FileTokenStore;
import dev.pagewalk.state.TokenStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Turns a destination text, as given to {@code pagewalk run --out}, into a sink:
 *
 * <ul>
 *   <li>{@code -}: JSON Lines on stdout (no checkpoints, nothing to resume);
 *   <li>{@code sqlite:PATH}: a {@link SqliteSink};
 *   <li>{@code postgresql://user:pass@host:port/db} (user and password URL-encoded, both optional;
 *       {@code postgres://} too) or {@code jdbc:postgresql://...}: a {@link PostgresSink};
 *   <li>anything else: a JSON Lines file, with its checkpoints in the state directory (default
 *       {@code .pagewalk-state} next to the file).
 * </ul>
 */
public final class Sinks {
  /** The state directory of a JSON Lines file when none is given, next to the file. */
  public static final String DEFAULT_STATE_DIR = ".pagewalk-state";

  private Sinks() {}

  /** As {@link #fromUri(String, Path, OutputStream)} with the default state dir and stdout. */
  public static RecordSink fromUri(String target) throws IOException {
    return fromUri(target, null, System.out);
  }

  /**
   * @param stateDir where a JSON Lines file keeps its checkpoints; null for the default. Ignored by
   *     the database sinks, which keep checkpoints in the database.
   * @param stdout where {@code -} writes
   * @throws IllegalArgumentException when the text is not a destination (empty, a malformed URL)
   * @throws IOException when the destination cannot be opened
   */
  public static RecordSink fromUri(String target, Path stateDir, OutputStream stdout)
      throws IOException {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException(
          "no destination given: expected FILE, sqlite:PATH,"
              + " postgresql://user:pass@host:port/db or - for stdout");
    }
    if (target.equals("-")) {
      return JsonLinesSink.toStream(stdout);
    }
    if (isDatabase(target)) {
      return database(target);
    }
    Path file = Path.of(target);
    return JsonLinesSink.toFile(file, stateDir != null ? stateDir : defaultStateDir(file));
  }

  /** Whether {@code target} names a database: {@code sqlite:PATH} or a PostgreSQL URL. */
  public static boolean isDatabase(String target) {
    return target != null
        && (target.startsWith("sqlite:")
            || target.startsWith("jdbc:postgresql:")
            || target.startsWith("postgresql://")
            || target.startsWith("postgres://"));
  }

  /**
   * The database sink {@code target} names ({@link #isDatabase}).
   *
   * @throws IllegalArgumentException when the text is not a database destination
   * @throws IOException when the database cannot be opened
   */
  public static DatabaseSink database(String target) throws IOException {
    if (target != null && target.startsWith("sqlite:")) {
      String path = target.substring("sqlite:".length());
      if (path.startsWith("//")) {
        path = path.substring(2);
      }
      if (path.isEmpty()) {
        throw new IllegalArgumentException("sqlite: needs a file path, e.g. sqlite:out.db");
      }
      return SqliteSink.open(Path.of(path));
    }
    if (target != null && target.startsWith("jdbc:postgresql:")) {
      return PostgresSink.open(target, null, null);
    }
    if (isDatabase(target)) {
      Postgres pg = postgres(target);
      return PostgresSink.open(pg.jdbcUrl(), pg.user(), pg.password());
    }
    throw new IllegalArgumentException(
        "not a database: expected sqlite:PATH or postgresql://user:pass@host:port/db");
  }

  /**
   * A connector run into the database {@code target} names, as the sync {@code syncName}: one table
   * per stream and the walks' state beside them ({@link DatabaseSink#walks}).
   *
   * @throws IllegalArgumentException when the text is not a database destination or the name not a
   *     sync name
   * @throws IOException when the database cannot be opened
   */
  public static WalkSink walkSink(String target, String syncName) throws IOException {
    DatabaseSink db = database(target);
    try {
      return db.walks(syncName);
    } catch (IOException | RuntimeException e) {
      try {
        db.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * Where a run into {@code target} keeps its connection's tokens: rows of {@code _pagewalk_tokens}
   * in a SQLite or PostgreSQL destination ({@link DatabaseTokenStore}), owner-only files in the
   * state directory otherwise ({@link FileTokenStore}: {@code stateDir}, or the default next to a
   * JSON Lines file, or {@code .pagewalk-state} for stdout).
   *
   * @throws IllegalArgumentException when the text is not a destination
   */
  public static TokenStore tokenStore(String target, Path stateDir) {
    if (target != null && target.startsWith("sqlite:")) {
      String path = target.substring("sqlite:".length());
      return DatabaseTokenStore.sqlite(Path.of(path.startsWith("//") ? path.substring(2) : path));
    }
    if (target != null && target.startsWith("jdbc:postgresql:")) {
      return DatabaseTokenStore.postgres(target, null, null);
    }
    if (target != null
        && (target.startsWith("postgresql://") || target.startsWith("postgres://"))) {
      Postgres pg = postgres(target);
      return DatabaseTokenStore.postgres(pg.jdbcUrl(), pg.user(), pg.password());
    }
    if (stateDir != null) {
      return new FileTokenStore(stateDir);
    }
    if (target == null || target.isBlank() || target.equals("-")) {
      return new FileTokenStore(Path.of(DEFAULT_STATE_DIR));
    }
    return new FileTokenStore(defaultStateDir(Path.of(target)));
  }

  /** {@code .pagewalk-state} in the directory of {@code file}. */
  public static Path defaultStateDir(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(DEFAULT_STATE_DIR) : parent.resolve(DEFAULT_STATE_DIR);
  }

  /** A {@code postgresql://} URL split into a JDBC URL and credentials. */
  record Postgres(String jdbcUrl, String user, String password) {}

  static Postgres postgres(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a PostgreSQL URL: "
              + PostgresSink.redact(url)
              + " (expected postgresql://user:pass@host:port/db)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "no host in PostgreSQL URL "
              + redactUserInfo(uri)
              + " (expected postgresql://user:pass@host:port/db)");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    String jdbc =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + (uri.getRawPath() == null ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new Postgres(jdbc, user, password);
  }

  private static String redactUserInfo(URI uri) {
    return uri.getRawUserInfo() == null
        ? uri.toString()
        : uri.toString().replace(uri.getRawUserInfo() + "@", "…@");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
