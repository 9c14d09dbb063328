package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresTokenStoreTest extends TokenStoreContract {
  String url;

  @BeforeEach
  void freshDatabase() {
    url = EmbeddedPg.newDatabase("tokens");
  }

  @Override
  DatabaseTokenStore store() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    return DatabaseTokenStore.postgres(ds, where(), CLOCK);
  }

  @Override
  DatabaseSink openSink(Clock clock) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    return PostgresSink.open(ds, clock);
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection(url);
  }

  @Override
  String where() {
    return PostgresSink.redact(url);
  }

  @Test
  void timesAreTimestamps() throws Exception {
    store().save("crm", TOKENS);

    assertThat(rows())
        .containsExactly(List.of("crm", "rt-secret-1", "at-secret-1", "2026-12-05 03:00:00+00"));
  }

  @Test
  void theUrlFactoryReachesTheSameRows() {
    store().save("crm", TOKENS);

    assertThat(DatabaseTokenStore.postgres(url, null, null).load("crm")).hasValue(TOKENS);
  }

  @Test
  void aServerThatRefusesTheConnectionIsALocatedError() {
    String wrong = url.replaceFirst("/tokens_\\d+", "/no_such_database");

    assertThatThrownBy(() -> DatabaseTokenStore.postgres(wrong, null, null).load("crm"))
        .isInstanceOf(PagewalkException.class)
        .satisfies(e -> assertThat(((PagewalkException) e).code()).isEqualTo(ErrorCode.STATE))
        .hasMessageStartingWith(
            "cannot read the saved tokens of crm (_pagewalk_tokens in "
                + PostgresSink.redact(wrong)
                + "): FATAL: database \"no_such_database\" does not exist");
  }
}
