package dev.pagewalk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
          .containsExactly("items.checkpoint.json");
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
}
