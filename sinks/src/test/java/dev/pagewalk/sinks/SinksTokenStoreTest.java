package dev.pagewalk.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.state.TokenStore.SavedTokens;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Sinks#tokenStore}: the tokens of a run go where its checkpoints go. */
class SinksTokenStoreTest {
  @TempDir Path dir;

  @Test
  void aSqliteDestinationKeepsThemInItsDatabase() {
    Path db = dir.resolve("out.db");

    assertThat(Sinks.tokenStore("sqlite:" + db, null).toString())
        .isEqualTo("DatabaseTokenStore[sqlite:" + db + "]");
  }

  @Test
  void aJsonLinesFileKeepsThemInTheStateDirectoryNextToIt() {
    Path out = dir.resolve("out.jsonl");
    SavedTokens tokens = new SavedTokens("rt-1", null, null);

    Sinks.tokenStore(out.toString(), null).save("crm", tokens);

    assertThat(Sinks.tokenStore(out.toString(), null).toString())
        .isEqualTo("FileTokenStore[" + dir.resolve(".pagewalk-state") + "]");
    assertThat(dir.resolve(".pagewalk-state/crm.tokens.json")).exists();
  }

  @Test
  void aGivenStateDirectoryWins() {
    assertThat(Sinks.tokenStore("-", dir).toString()).isEqualTo("FileTokenStore[" + dir + "]");
  }

  @Test
  void aPostgresUrlNamesTheDatabaseWithoutItsPassword() {
    assertThat(Sinks.tokenStore("postgresql://etl:s3cret@db.example:5432/app", null).toString())
        .isEqualTo("DatabaseTokenStore[jdbc:postgresql://db.example:5432/app]");
  }
}
