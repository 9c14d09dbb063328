package dev.pagewalk.sinks;

import java.util.regex.Pattern;

/**
 * Table names: a one-stream sync's table is its sync name (by default the spec's name); a
 * connector's stream goes to {@code SYNC.STREAM} (the connector's sync name, a dot, the stream's
 * name), so that two connectors with a stream of the same name keep apart in one database. Both
 * parts are {@code [a-z0-9][a-z0-9_-]*}, neither holds a dot, and a name is double-quoted in SQL.
 */
final class StreamTables {
  private static final Pattern NAME = dev.pagewalk.state.SyncIdentity.NAME;

  /** PostgreSQL keeps the first 63 bytes of a longer name, so two long names could be one table. */
  static final int MAX_LENGTH = 63;

  private StreamTables() {}

  static String quoted(String stream) {
    if (stream == null || !NAME.matcher(stream).matches()) {
      throw new IllegalArgumentException(
          "stream name '"
              + stream
              + "' is not a table name: "
              + "expected lower-case letters, digits, '-' and '_' (at most 63), as sync names are");
    }
    return '"' + stream + '"';
  }

  /**
   * The table of {@code stream} of the connector synced as {@code sync}, unquoted.
   *
   * @throws IllegalArgumentException naming the stream when the name is not a table name
   */
  static String of(String sync, String stream) {
    quoted(sync);
    if (stream == null || !Pattern.matches("[a-z0-9][a-z0-9_-]*", stream)) {
      throw new IllegalArgumentException(
          "stream '"
              + stream
              + "' cannot name a table: expected lower-case letters, digits, '-' and '_'");
    }
    String table = sync + "." + stream;
    if (table.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "stream '"
              + stream
              + "' cannot name a table: \""
              + table
              + "\" is "
              + table.length()
              + " characters long and a table name is at most "
              + MAX_LENGTH
              + " (PostgreSQL cuts longer ones); shorten the stream's name or give the run a"
              + " shorter --sync-name");
    }
    return table;
  }
}
