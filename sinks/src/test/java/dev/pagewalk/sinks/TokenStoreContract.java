package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.state.TokenStore.SavedTokens;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every database token store does, run against SQLite and embedded PostgreSQL: tokens are rows
 * of {@code _pagewalk_tokens} beside the sink's checkpoints, one per key, replaced in one
 * transaction.
 */
abstract class TokenStoreContract {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);
  static final SavedTokens TOKENS =
      new SavedTokens("rt-secret-1", "at-secret-1", Instant.parse("2026-12-05T03:00:00Z"));

  abstract DatabaseTokenStore store();

  abstract DatabaseSink openSink(Clock clock) throws Exception;

  abstract Connection connect() throws Exception;

  /** How messages name the database. */
  abstract String where();

  /** The rows of {@code _pagewalk_tokens}: key, refresh token, access token, expiry as text. */
  List<List<String>> rows() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT key, refresh_token, access_token, expires_at FROM _pagewalk_tokens"
                    + " ORDER BY key")) {
      List<List<String>> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(
            java.util.Arrays.asList(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
      return rows;
    }
  }

  @Test
  void loadsWhatWasSaved() {
    store().save("crm", TOKENS);

    assertThat(store().load("crm")).hasValue(TOKENS);
  }

  @Test
  void keepsNullsAsNulls() {
    SavedTokens onlyRefresh = new SavedTokens("rt-secret-2", null, null);
    store().save("crm", onlyRefresh);

    assertThat(store().load("crm")).hasValue(onlyRefresh);
  }

  @Test
  void aKeyNeverSavedHasNothingEvenBeforeTheTableExists() throws Exception {
    assertThat(store().load("crm")).isEmpty();
    store().save("other", TOKENS);
    assertThat(store().load("crm")).isEmpty();
  }

  @Test
  void aSaveReplacesTheRowOfItsKeyAndNoOther() throws Exception {
    store().save("crm", TOKENS);
    store().save("erp", new SavedTokens("rt-erp", null, null));
    SavedTokens rotated =
        new SavedTokens("rt-secret-2", "at-secret-2", Instant.parse("2026-12-05T04:00:00Z"));

    store().save("crm", rotated);

    assertThat(store().load("crm")).hasValue(rotated);
    assertThat(store().load("erp")).hasValue(new SavedTokens("rt-erp", null, null));
    assertThat(rows()).extracting(r -> r.get(0)).containsExactly("crm", "erp");
  }

  @Test
  void theRowsLiveBesideTheSinksCheckpointsAndBothKeepWorking() throws Exception {
    try (DatabaseSink sink = openSink(CLOCK)) {
      sink.open("items", null);
      store().save("crm", TOKENS);
      sink.write(List.of(), null);

      assertThat(sink.checkpoint("items")).isEmpty();
      assertThat(store().load("crm")).hasValue(TOKENS);
    }
    try (Connection c = connect();
        Statement st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(*) FROM "
                    + DatabaseSink.CHECKPOINTS
                    + " UNION ALL SELECT count(*) FROM _pagewalk_tokens")) {
      rs.next();
      assertThat(rs.getLong(1)).as("the checkpoint table is there").isZero();
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
  }

  @Test
  void aSaveIntoATableThatCannotHoldTokensNamesTheTableTheKeyAndTheDatabase() throws Exception {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE _pagewalk_tokens (key TEXT PRIMARY KEY, other TEXT)");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }

    assertThatThrownBy(() -> store().save("crm", TOKENS))
        .isInstanceOf(PagewalkException.class)
        .satisfies(e -> assertThat(((PagewalkException) e).code()).isEqualTo(ErrorCode.STATE))
        .hasMessageStartingWith(
            "cannot save the tokens of crm (_pagewalk_tokens in " + where() + "): ")
        .hasMessageNotContaining("rt-secret-1")
        .hasMessageNotContaining("at-secret-1");
  }

  @Test
  void aStorePrintsWithoutTokens() {
    assertThat(store().toString()).isEqualTo("DatabaseTokenStore[" + where() + "]");
  }
}
