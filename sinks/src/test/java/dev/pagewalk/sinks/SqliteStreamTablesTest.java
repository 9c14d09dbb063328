package dev.pagewalk.sinks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class SqliteStreamTablesTest extends StreamTablesContract {
  @TempDir Path dir;

  String url() {
    return "jdbc:sqlite:" + dir.resolve("out.db");
  }

  @Override
  DatabaseSink openSink() throws Exception {
    return SqliteSink.open(dir.resolve("out.db"));
  }

  @Override
  void refuseKey(String table, String storedKey) throws Exception {
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TRIGGER refuse BEFORE INSERT ON \""
              + table
              + "\" WHEN NEW.key = '"
              + storedKey
              + "' BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    }
  }

  @Override
  List<String> tables() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  @Override
  void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
