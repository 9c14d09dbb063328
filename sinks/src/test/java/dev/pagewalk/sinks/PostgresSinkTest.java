package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresSinkTest extends DatabaseSinkContract {
  String url;

  @BeforeEach
  void freshDatabase() {
    url = EmbeddedPg.newDatabase("sink");
  }

  @Override
  DatabaseSink openSink(Clock clock) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    return PostgresSink.open(ds, clock);
  }

  @Override
  String lockName(String stream) {
    return "sync " + stream + " in PostgreSQL database " + url.replaceAll(".*/([^/?]+).*", "$1");
  }

  @Test
  void aRunWhoseSessionDiesLosesItsLock() throws Exception {
    try (DatabaseSink first = openSink();
        DatabaseSink second = openSink()) {
      first.open(STREAM, null);
      assertThatThrownBy(() -> second.open(STREAM, null)).hasMessageMatching(heldMessage(STREAM));

      breakConnection(first); // as when its process is killed: the server ends the session
      second.open(STREAM, null);
      second.write(List.of(record(2L, "b")), checkpoint("run-2", 1));
      assertThat(second.count(STREAM)).isEqualTo(1);
    }
  }

  @Override
  void refuseKey(String stream, String storedKey) throws Exception {
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
              + stream
              + "\" FOR EACH ROW EXECUTE FUNCTION refuse()");
    }
  }

  @Override
  void breakConnection(DatabaseSink sink) throws Exception {
    int pid;
    try (Statement st = sink.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      pid = rs.getInt(1);
    }
    sink.connection().commit();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement st = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
      st.setInt(1, pid);
      st.execute();
    }
  }

  @Override
  List<String> row(String stream, String storedKey) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement st =
            c.prepareStatement(
                "SELECT payload::text, to_char(updated_at AT TIME ZONE 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM \""
                    + stream
                    + "\" WHERE key = ?")) {
      st.setString(1, storedKey);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return List.of(rs.getString(1), rs.getString(2));
      }
    }
  }

  @Test
  void storesPayloadsAsJsonbThatQueriesCanReach() throws Exception {
    try (DatabaseSink sink = openSink()) {
      sink.open(STREAM, null);
      sink.write(List.of(record(1L, "Ada"), record(2L, "Grace")), null);
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT key FROM \"items\" WHERE payload->>'name' = 'Grace'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2");
    }
  }

  @Test
  void opensFromAPostgresqlUrlWithCredentials() throws Exception {
    String rest = url.substring("jdbc:postgresql://".length(), url.indexOf('?'));
    try (var sink = Sinks.fromUri("postgresql://postgres:secret@" + rest, null, System.out)) {
      assertThat(sink).isInstanceOf(PostgresSink.class);
      assertThat(((PostgresSink) sink).count(STREAM)).isZero();
    }
  }
}
