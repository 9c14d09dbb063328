package dev.pagewalk.sinks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The table {@code _pagewalk_tokens(key, refresh_token, access_token, expires_at, saved_at)} beside
 * {@code _pagewalk_checkpoints}, in each database's own types: times are ISO-8601 text in SQLite
 * (as the sink writes them) and {@code TIMESTAMPTZ} in PostgreSQL.
 */
enum TokenTable {
  SQLITE("TEXT"),
  POSTGRESQL("TIMESTAMPTZ");

  static final String NAME = "_pagewalk_tokens";

  private final String timeType;

  TokenTable(String timeType) {
    this.timeType = timeType;
  }

  String createSql() {
    return "CREATE TABLE IF NOT EXISTS "
        + NAME
        + " (key TEXT PRIMARY KEY, refresh_token TEXT, access_token TEXT, expires_at "
        + timeType
        + ", saved_at "
        + timeType
        + " NOT NULL)";
  }

  String upsertSql() {
    return "INSERT INTO "
        + NAME
        + " (key, refresh_token, access_token, expires_at, saved_at) VALUES (?, ?, ?, ?, ?)"
        + " ON CONFLICT (key) DO UPDATE SET refresh_token = excluded.refresh_token,"
        + " access_token = excluded.access_token, expires_at = excluded.expires_at,"
        + " saved_at = excluded.saved_at";
  }

  String selectSql() {
    return "SELECT refresh_token, access_token, expires_at FROM " + NAME + " WHERE key = ?";
  }

  void bindTime(PreparedStatement st, int index, Instant at) throws SQLException {
    if (this == SQLITE) {
      st.setString(index, at == null ? null : at.toString());
    } else {
      st.setObject(index, at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
  }

  /**
   * The time in {@code column}, or null.
   *
   * @throws java.time.format.DateTimeParseException when SQLite holds text that is not an instant
   */
  Instant time(ResultSet rs, int column) throws SQLException {
    if (this == SQLITE) {
      String text = rs.getString(column);
      return text == null ? null : Instant.parse(text);
    }
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
