package dev.pagewalk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // a lock held for the block is the point of the block
class FileCheckpointStoreTest {
  @TempDir Path dir;

  private static Checkpoint checkpoint(String runId) {
    return Checkpoint.fromJson(
        "{\"version\": 1, \"spec\": \"items.yaml\", \"runId\": \""
            + runId
            + "\", \"status\": \"running\","
            + " \"page\": 3, \"watermark\": {\"updated\": 1.50}}");
  }

  @Test
  void hasNothingForAStreamNeverSaved() throws IOException {
    assertThat(new FileCheckpointStore(dir).load("items")).isEqualTo(Optional.empty());
  }

  @Test
  void savesAtomicallyAndLoadsWhatItSaved() throws IOException {
    FileCheckpointStore store = new FileCheckpointStore(dir.resolve("state"));
    store.save("items", checkpoint("run-1"));
    store.save("items", checkpoint("run-2"));

    assertThat(store.load("items")).contains(checkpoint("run-2"));
    assertThat(store.where("items"))
        .isEqualTo(dir.resolve("state/items.checkpoint.json").toString());
    try (var files = Files.list(dir.resolve("state"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("items.checkpoint.json", "checkpoints.key");
    }
  }

  @Test
  void deletesTheCheckpointAndToleratesOneThatIsGone() throws IOException {
    FileCheckpointStore store = new FileCheckpointStore(dir);
    store.save("items", checkpoint("run-1"));
    store.delete("items");
    store.delete("items");

    assertThat(store.load("items")).isEmpty();
  }

  @Test
  void namesTheFileOfACheckpointItCannotRead() throws IOException {
    FileCheckpointStore store = new FileCheckpointStore(dir);
    Files.writeString(store.file("items"), "{not json");

    assertThatThrownBy(() -> store.load("items"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(store.file("items") + ": not a pagewalk checkpoint: ");
  }

  @Test
  void locksTheStreamBesideItsCheckpoint() throws IOException {
    FileCheckpointStore store = new FileCheckpointStore(dir);
    try (StateLock lock = store.lock("items")) {
      assertThat(dir.resolve("items.lock")).exists();
    }
  }

  @Nested
  class Seal {
    @Test
    void aCheckpointOfAnEarlierPagewalkWithoutSealIsReadWhileThereIsNoKey() throws IOException {
      FileCheckpointStore store = new FileCheckpointStore(dir);
      Files.writeString(store.file("items"), checkpoint("run-0").toJson());

      assertThat(store.load("items")).contains(checkpoint("run-0"));
      store.save("items", checkpoint("run-1"));
      assertThat(Files.readString(store.file("items"))).contains(",\"seal\":\"");
      assertThat(store.load("items")).contains(checkpoint("run-1"));
    }

    @Test
    void aCheckpointMovedToAnotherStreamDoesNotVerify() throws IOException {
      FileCheckpointStore store = new FileCheckpointStore(dir);
      store.save("items", checkpoint("run-1"));
      Files.copy(store.file("items"), store.file("orders"));

      assertThatThrownBy(() -> store.load("orders"))
          .isInstanceOf(InputException.class)
          .hasMessage(
              "cannot trust the checkpoint "
                  + store.file("orders")
                  + ": it does not match its seal (keyed by "
                  + dir.resolve("checkpoints.key")
                  + "), so it was changed outside pagewalk; start over with --replace")
          .extracting(e -> ((InputException) e).code())
          .isEqualTo(ErrorCode.STATE);
    }

    @Test
    void aSealedCheckpointWhoseKeyIsGoneIsRefused() throws IOException {
      FileCheckpointStore store = new FileCheckpointStore(dir);
      store.save("items", checkpoint("run-1"));
      Files.delete(dir.resolve("checkpoints.key"));

      assertThatThrownBy(() -> store.load("items"))
          .hasMessage(
              "cannot trust the checkpoint "
                  + store.file("items")
                  + ": it carries a seal, but its key "
                  + dir.resolve("checkpoints.key")
                  + " is missing; start over with --replace");
    }

    @Test
    void theKeyIsMadeOnceAndKept() throws IOException {
      FileCheckpointStore store = new FileCheckpointStore(dir);
      store.save("items", checkpoint("run-1"));
      String key = Files.readString(dir.resolve("checkpoints.key"));
      new FileCheckpointStore(dir).save("orders", checkpoint("run-2"));

      assertThat(Files.readString(dir.resolve("checkpoints.key"))).isEqualTo(key).hasSize(65);
      assertThat(new FileCheckpointStore(dir).load("items")).contains(checkpoint("run-1"));
    }
  }
}
