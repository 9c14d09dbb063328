package dev.pagewalk.sinks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class SqliteSinkTest extends DatabaseSinkContract {
  @TempDir Path dir;

  Path db() {
    return dir.resolve("out.db");
  }

  @Override
  DatabaseSink openSink(Clock clock) throws Exception {
    return SqliteSink.open(db(), clock);
  }

  @Override
  String lockName(String stream) {
    return dir.resolve("out.db." + stream + ".lock").toString();
  }

  @Override
  void refuseKey(String stream, String storedKey) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TRIGGER refuse BEFORE INSERT ON \""
              + stream
              + "\" WHEN NEW.key = '"
              + storedKey
              + "' BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    }
  }

  @Override
  void breakConnection(DatabaseSink sink) throws Exception {
    sink.connection().close();
  }

  @Override
  List<String> row(String stream, String storedKey) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        PreparedStatement st =
            c.prepareStatement(
                "SELECT payload, updated_at FROM \"" + stream + "\" WHERE key = ?")) {
      st.setString(1, storedKey);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return List.of(rs.getString(1), rs.getString(2));
      }
    }
  }
}
