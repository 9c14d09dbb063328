package dev.pagewalk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.state.TokenStore.SavedTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreTest {
  private static final SavedTokens TOKENS =
      new SavedTokens("rt-secret-1", "at-secret-1", Instant.parse("2026-12-05T02:00:00Z"));

  @TempDir Path tmp;

  private FileTokenStore store() {
    return new FileTokenStore(tmp.resolve("state"));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Nested
  class RoundTrip {
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
    void aKeyNeverSavedHasNothing() {
      assertThat(store().load("crm")).isEmpty();
    }

    @Test
    void writesOneFileNamedForTheKey() throws IOException {
      store().save("crm", TOKENS);

      assertThat(names(tmp.resolve("state"))).containsExactly("crm.tokens.json");
      assertThat(Files.readString(store().file("crm")))
          .isEqualTo(
              "{\"refreshToken\":\"rt-secret-1\",\"accessToken\":\"at-secret-1\","
                  + "\"expiresAt\":\"2026-12-05T02:00:00Z\"}");
    }
  }

  @Nested
  class AtomicReplace {
    @Test
    void aSaveReplacesTheFileByRenameAndLeavesNoTemporaryFile() throws IOException {
      FileTokenStore store = store();
      store.save("crm", TOKENS);
      Object before = Files.readAttributes(store.file("crm"), BasicFileAttributes.class).fileKey();

      SavedTokens rotated =
          new SavedTokens("rt-secret-2", "at-secret-2", Instant.parse("2026-12-05T03:00:00Z"));
      store.save("crm", rotated);

      assertThat(store.load("crm")).hasValue(rotated);
      assertThat(Files.readAttributes(store.file("crm"), BasicFileAttributes.class).fileKey())
          .as("a new file renamed over the old one, not the old one rewritten in place")
          .isNotEqualTo(before);
      assertThat(names(tmp.resolve("state"))).containsExactly("crm.tokens.json");
    }

    @Test
    void aTemporaryFileLeftByACrashIsNotReused() throws IOException {
      Path dir = Files.createDirectories(tmp.resolve("state"));
      Path stale = dir.resolve("crm.tokens.json.tmp");
      Files.writeString(stale, "half a file from a crashed save, and long enough to outlast it");
      Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-r--r--"));

      store().save("crm", TOKENS);

      assertThat(store().load("crm")).hasValue(TOKENS);
      assertThat(Files.getPosixFilePermissions(store().file("crm")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(names(dir)).containsExactly("crm.tokens.json");
    }
  }

  @Nested
  class OwnerOnly {
    @Test
    void theFileIsMode0600AndANewDirectory0700() throws IOException {
      store().save("crm", TOKENS);

      assertThat(Files.getPosixFilePermissions(store().file("crm")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(tmp.resolve("state")))
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aFileOthersCanReadIsRefused() throws IOException {
      store().save("crm", TOKENS);
      Path f = store().file("crm");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));

      assertThatThrownBy(() -> store().load("crm"))
          .isInstanceOf(PagewalkException.class)
          .hasMessage(
              "the saved tokens "
                  + f
                  + " are readable by others (mode rw-r--r--): make the file readable by its owner"
                  + " only (chmod 600) after checking who has read it, or delete it")
          .satisfies(e -> assertThat(((PagewalkException) e).code()).isEqualTo(ErrorCode.STATE));
    }
  }

  @Nested
  class BrokenFiles {
    private Path tamper(String content) throws IOException {
      store().save("crm", TOKENS);
      Path f = store().file("crm");
      Files.writeString(f, content, StandardCharsets.UTF_8);
      return f;
    }

    @Test
    void aFileThatIsNotJsonNamesTheFileAndThePlaceButNotTheContent() throws IOException {
      Path f = tamper("{\"refreshToken\": rt-secret-1}");

      assertThatThrownBy(() -> store().load("crm"))
          .isInstanceOf(PagewalkException.class)
          .hasMessage(
              "the saved tokens "
                  + f
                  + " are not valid: not JSON (line 1, column 18); delete the file to start again"
                  + " from the configured credentials")
          .hasNoCause()
          .satisfies(e -> assertThat(((PagewalkException) e).code()).isEqualTo(ErrorCode.STATE));
    }

    @Test
    void aFieldOfTheWrongType() throws IOException {
      Path f = tamper("{\"refreshToken\": 42}");

      assertThatThrownBy(() -> store().load("crm"))
          .hasMessage(
              "the saved tokens "
                  + f
                  + " are not valid: refreshToken is not a string; delete the file to start again"
                  + " from the configured credentials");
    }

    @Test
    void anExpiryThatIsNotAnInstant() throws IOException {
      Path f = tamper("{\"accessToken\": \"at-secret-1\", \"expiresAt\": \"tomorrow\"}");

      assertThatThrownBy(() -> store().load("crm"))
          .hasMessage(
              "the saved tokens "
                  + f
                  + " are not valid: expiresAt is not an ISO-8601 instant such as"
                  + " 2026-01-31T12:00:00Z; delete the file to start again from the configured"
                  + " credentials");
    }

    @Test
    void aFileThatCannotBeRead() throws IOException {
      Path f = Files.createDirectories(store().file("crm"));
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));

      assertThatThrownBy(() -> store().load("crm"))
          .isInstanceOf(PagewalkException.class)
          .hasMessage("cannot read the saved tokens " + f + ": Is a directory")
          .satisfies(e -> assertThat(((PagewalkException) e).code()).isEqualTo(ErrorCode.STATE));
    }

    @Test
    void aSaveThatCannotWriteNamesTheFile() throws IOException {
      Files.writeString(tmp.resolve("state"), "a file where the directory should be");

      assertThatThrownBy(() -> store().save("crm", TOKENS))
          .isInstanceOf(PagewalkException.class)
          .hasMessageStartingWith(
              "cannot save the tokens " + tmp.resolve("state").resolve("crm.tokens.json") + ": ");
    }
  }

  @Nested
  class KeyNames {
    @Test
    void aKeyCannotLeaveTheDirectoryOrHideItsFile() throws IOException {
      store().save("../../etc/passwd", TOKENS);
      store().save(".hidden", TOKENS);

      assertThat(names(tmp.resolve("state")))
          .containsExactlyInAnyOrder(
              "%2Ehidden.tokens.json", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.tokens.json");
      assertThat(store().load("../../etc/passwd")).hasValue(TOKENS);
    }

    @Test
    void differentKeysNeverShareAFile() {
      assertThat(
              Stream.of("a/b", "a%2Fb", "a b", "a_b", "a.b", "ä", "%C3%A4")
                  .map(k -> store().file(k).getFileName().toString())
                  .distinct())
          .hasSize(7);
    }

    @Test
    void aLongKeyIsShortenedWithAHashOfTheWholeKey() {
      String a = "tenant-".repeat(40) + "a";
      String b = "tenant-".repeat(40) + "b";

      String name = store().file(a).getFileName().toString();
      assertThat(name).hasSize(80 + 1 + 32 + ".tokens.json".length()).startsWith("tenant-tenant-");
      assertThat(store().file(b)).isNotEqualTo(store().file(a));
    }

    @Test
    void anEmptyKeyIsRefused() {
      assertThatThrownBy(() -> store().load(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a token store key is empty");
    }
  }

  @Test
  void savedTokensAndTheStorePrintNoToken() {
    assertThat(TOKENS.toString())
        .isEqualTo(
            "SavedTokens[refreshToken=***, accessToken=***, expiresAt=2026-12-05T02:00:00Z]");
    assertThat(store().toString()).isEqualTo("FileTokenStore[" + tmp.resolve("state") + "]");
  }
}
