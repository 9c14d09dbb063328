package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTokenStoreTest extends TokenStoreContract {
  @TempDir Path dir;

  Path db() {
    return dir.resolve("out.db");
  }

  @Override
  DatabaseTokenStore store() {
    return DatabaseTokenStore.sqlite(db(), CLOCK);
  }

  @Override
  DatabaseSink openSink(Clock clock) throws Exception {
    return SqliteSink.open(db(), clock);
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + db());
  }

  @Override
  String where() {
    return "sqlite:" + db();
  }

  @Test
  void timesAreIsoTextAsTheSinkWritesThem() throws Exception {
    store().save("crm", TOKENS);

    assertThat(rows())
        .containsExactly(List.of("crm", "rt-secret-1", "at-secret-1", "2026-12-05T03:00:00Z"));
  }

  @Test
  void aDatabaseFileThatHoldsTokensIsReadableByItsOwnerOnly() throws Exception {
    try (DatabaseSink sink = openSink(CLOCK)) {
      sink.open("items", null);
    }
    Files.setPosixFilePermissions(db(), PosixFilePermissions.fromString("rw-r--r--"));

    store().save("crm", TOKENS);

    assertThat(Files.getPosixFilePermissions(db()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    for (String suffix : List.of("-wal", "-shm")) {
      Path f = Path.of(db() + suffix);
      if (Files.exists(f)) {
        assertThat(Files.getPosixFilePermissions(f))
            .as(f.toString())
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      }
    }
  }

  @Test
  void aNewDatabaseFileIsCreatedOwnerOnly() throws Exception {
    store().save("crm", TOKENS);

    assertThat(Files.getPosixFilePermissions(db()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aTamperedExpiryIsALocatedError() throws Exception {
    store().save("crm", TOKENS);
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute("UPDATE _pagewalk_tokens SET expires_at = 'tomorrow'");
    }

    assertThatThrownBy(() -> store().load("crm"))
        .isInstanceOf(PagewalkException.class)
        .satisfies(e -> assertThat(((PagewalkException) e).code()).isEqualTo(ErrorCode.STATE))
        .hasMessage(
            "_pagewalk_tokens row crm in sqlite:"
                + db()
                + ": expires_at is not an ISO-8601 instant such as 2026-01-31T12:00:00Z; delete"
                + " the row to start again from the configured credentials");
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsALocatedError() throws Exception {
    Files.createDirectories(db());

    assertThatThrownBy(() -> store().load("crm"))
        .isInstanceOf(PagewalkException.class)
        .satisfies(e -> assertThat(((PagewalkException) e).code()).isEqualTo(ErrorCode.STATE))
        .hasMessageStartingWith(
            "cannot read the saved tokens of crm (_pagewalk_tokens in sqlite:" + db() + "): ");
  }
}
