package dev.pagewalk.sinks;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/** What a {@link DatabaseSink}'s table holds: its keys and its row count, read in a transaction. */
final class HeldRows {
  private HeldRows() {}

  /**
   * The stored keys of the table {@code name} (checked, unquoted); empty when it does not exist.
   */
  static Set<String> keys(DatabaseSink sink, String name) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    read(sink, name, "SELECT key FROM %s ORDER BY key", rs -> keys.add(rs.getString(1)));
    return keys;
  }

  /** The rows of the table {@code name}; 0 when it does not exist. */
  static long count(DatabaseSink sink, String name) throws IOException {
    long[] n = {0};
    read(sink, name, "SELECT count(*) FROM %s", rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void read(DatabaseSink sink, String name, String sql, RowReader reader)
      throws IOException {
    String table = '"' + name + '"';
    sink.inTransaction(
        "cannot read " + table,
        c -> {
          try (PreparedStatement st = c.prepareStatement(sink.tableExistsSql())) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                return null;
              }
            }
          }
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery(String.format(sql, table))) {
            while (rs.next()) {
              reader.read(rs);
            }
          }
          return null;
        });
  }
}
