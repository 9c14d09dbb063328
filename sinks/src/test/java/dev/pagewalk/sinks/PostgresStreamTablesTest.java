package dev.pagewalk.sinks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresStreamTablesTest extends StreamTablesContract {
  String url;

  @BeforeEach
  void freshDatabase() {
    url = EmbeddedPg.newDatabase("streams");
  }

  @Override
  DatabaseSink openSink() throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    return PostgresSink.open(ds);
  }

  @Override
  void refuseKey(String table, String storedKey) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF NEW.key = '"
              + storedKey
              + "' THEN RAISE EXCEPTION 'refused by test'; END IF;"
              + " RETURN NEW; END $$");
      st.execute(
          "CREATE TRIGGER refuse BEFORE INSERT ON \""
              + table
              + "\" FOR EACH ROW EXECUTE FUNCTION refuse()");
    }
  }

  @Override
  List<String> tables() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema()")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  @Override
  void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
