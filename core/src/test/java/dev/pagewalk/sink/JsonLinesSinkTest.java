package dev.pagewalk.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.FileCheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history a JSON Lines file keeps under each {@link WriteMode}, and how its failures read. */
class JsonLinesSinkTest {
  @TempDir Path dir;

  static final List<OutputRecord> PAGE =
      List.of(new OutputRecord(1L, Map.of("id", 1L), 1), new OutputRecord(2L, Map.of("id", 2L), 1));

  JsonLinesSink sink(Path file) {
    return JsonLinesSink.toFile(file, dir.resolve("state"));
  }

  @Test
  void aFullRunRefusesAFileThatHoldsRecordsAndChangesNothing() throws Exception {
    Path file = dir.resolve("out.jsonl");
    Files.writeString(file, "{\"id\":0}\n");
    try (JsonLinesSink sink = sink(file)) {
      assertThatThrownBy(() -> sink.open(WriteMode.FULL, "items", null))
          .isInstanceOf(IOException.class)
          .hasMessage(
              file
                  + " already holds records and this is a full run, which would add them"
                  + " all again: continue the last run with --resume, or start the file over with --replace");
    }
    assertThat(Files.readAllLines(file)).containsExactly("{\"id\":0}");
  }

  @Test
  void appendKeepsWhatIsThereAndReplaceStartsOverWithoutTheCheckpoint() throws Exception {
    Path file = dir.resolve("out.jsonl");
    Files.writeString(file, "{\"id\":0}\n");
    try (JsonLinesSink sink = sink(file)) {
      sink.open(WriteMode.APPEND, "items", null);
      sink.write(PAGE, null);
    }
    assertThat(Files.readAllLines(file)).containsExactly("{\"id\":0}", "{\"id\":1}", "{\"id\":2}");

    Path saved = new FileCheckpointStore(dir.resolve("state")).file("items");
    Files.createDirectories(saved.getParent());
    Files.writeString(saved, "{}");
    try (JsonLinesSink sink = sink(file)) {
      sink.open(WriteMode.REPLACE, "items", null);
      sink.write(PAGE.subList(0, 1), null);
    }
    assertThat(Files.readAllLines(file)).containsExactly("{\"id\":1}");
    assertThat(saved).doesNotExist();
  }

  @Test
  void aResumeRefusesAFileShorterThanItsCheckpoint() throws Exception {
    Path file = dir.resolve("out.jsonl");
    Files.writeString(file, "{\"id\":1}\n");
    Checkpoint cp =
        Checkpoint.fromJson("{\"version\":1,\"status\":\"running\",\"sinkPosition\":40}");
    try (JsonLinesSink sink = sink(file)) {
      assertThatThrownBy(() -> sink.open(WriteMode.RESUME, "items", cp))
          .hasMessage(
              "cannot resume from "
                  + dir.resolve("state/items.checkpoint.json")
                  + ": it says "
                  + file
                  + " held 40 bytes, but it holds 9; the file or the checkpoint"
                  + " was changed, start the file over with --replace");
    }
  }

  @Test
  void aDeviceIsWrittenWithoutFsyncOrCheckpoint() throws Exception {
    try (JsonLinesSink sink = sink(Path.of("/dev/null"))) {
      sink.open(WriteMode.FULL, "items", null);
      sink.write(PAGE, Checkpoint.fromJson("{\"version\":1,\"status\":\"running\"}"));
      assertThat(sink.checkpoint("items")).isEmpty();
    }
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void aFailedWriteNamesTheOperationAndTheFile() throws Exception {
    JsonLinesSink sink = sink(Path.of("/dev/full"));
    sink.open(WriteMode.FULL, "items", null);
    assertThatThrownBy(() -> sink.write(PAGE, null))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write /dev/full: No space left on device");
    assertThatThrownBy(sink::close).hasMessage("cannot close /dev/full: No space left on device");
  }

  @Test
  void aFailedCheckpointNamesTheOperationAndTheFile() throws Exception {
    Path file = dir.resolve("out.jsonl");
    Path state = dir.resolve("state");
    try (JsonLinesSink sink = sink(file)) {
      sink.open(WriteMode.FULL, "items", null);
      Files.delete(state.resolve("items.lock")); // the run still holds it, unlinked
      Files.delete(state);
      Files.writeString(state, "not a directory");
      assertThatThrownBy(() -> sink.write(PAGE, Checkpoint.fromJson("{\"version\":1}")))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "cannot save the checkpoint "
                  + dir.resolve("state/items.checkpoint.json")
                  + ": a file is in the way ("
                  + dir.resolve("state")
                  + ")");
    }
  }

  @Test
  void aStateDirectoryThatCannotBeLockedRefusesBeforeTheFileIsTouched() throws Exception {
    Path file = dir.resolve("out.jsonl");
    Files.writeString(dir.resolve("state"), "not a directory");
    try (JsonLinesSink sink = sink(file)) {
      assertThatThrownBy(() -> sink.open(WriteMode.FULL, "items", null))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "cannot open the lock file "
                  + dir.resolve("state/items.lock")
                  + ": a file is in the way ("
                  + dir.resolve("state")
                  + ")");
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void aSecondSinkOnTheSameStateIsRefusedUntilTheFirstCloses() throws Exception {
    Path file = dir.resolve("out.jsonl");
    JsonLinesSink first = sink(file);
    first.open(WriteMode.FULL, "items", null);
    try (JsonLinesSink second = sink(file)) {
      assertThatThrownBy(() -> second.open(WriteMode.APPEND, "items", null))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "another run holds "
                  + dir.resolve("state/items.lock")
                  + " (pid "
                  + ProcessHandle.current().pid()
                  + " since "
                  + Files.readString(dir.resolve("state/items.lock"))
                      .strip()
                      .replaceFirst(".* since ", "")
                  + "); wait for it to end, or give this run its own --out and --state");
    }
    first.write(PAGE, null);
    first.close();
    try (JsonLinesSink third = sink(file)) {
      third.open(WriteMode.APPEND, "items", null);
      third.write(PAGE.subList(0, 1), null);
    }
    assertThat(Files.readAllLines(file)).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":1}");
  }

  @Test
  void checkpointsAtMostOncePerSyncIntervalAndTheLastOneOnClose() throws Exception {
    Path file = dir.resolve("out.jsonl");
    long[] now = {0};
    FileCheckpointStore store = new FileCheckpointStore(dir.resolve("state"));
    try (JsonLinesSink sink =
        JsonLinesSink.toFile(file, store, java.time.Duration.ofSeconds(1), () -> now[0])) {
      sink.open(WriteMode.FULL, "items", null);
      sink.write(PAGE.subList(0, 1), Checkpoint.fromJson("{\"version\":1,\"page\":1}"));
      assertThat(store.load("items").orElseThrow().page()).isEqualTo(1);
      assertThat(store.load("items").orElseThrow().sinkPosition()).isEqualTo(9);

      now[0] += 999_000_000L;
      sink.write(PAGE.subList(1, 2), Checkpoint.fromJson("{\"version\":1,\"page\":2}"));
      // written, but a kill now resumes from page 1 and cuts the file back to its 9 bytes
      assertThat(Files.readAllLines(file)).containsExactly("{\"id\":1}", "{\"id\":2}");
      assertThat(store.load("items").orElseThrow().page()).isEqualTo(1);

      now[0] += 1_000_000L;
      sink.write(PAGE.subList(0, 1), Checkpoint.fromJson("{\"version\":1,\"page\":3}"));
      assertThat(store.load("items").orElseThrow().page()).isEqualTo(3);
      assertThat(store.load("items").orElseThrow().sinkPosition()).isEqualTo(27);

      now[0] += 1_000_000L;
      sink.write(PAGE.subList(1, 2), Checkpoint.fromJson("{\"version\":1,\"page\":4}"));
      assertThat(store.load("items").orElseThrow().page()).isEqualTo(3);
    }
    assertThat(store.load("items").orElseThrow().page()).isEqualTo(4);
    assertThat(store.load("items").orElseThrow().sinkPosition()).isEqualTo(36);
  }

  @Test
  void aRunsLastCheckpointIsSavedAtOnceWithinTheInterval() throws Exception {
    Path file = dir.resolve("out.jsonl");
    FileCheckpointStore store = new FileCheckpointStore(dir.resolve("state"));
    try (JsonLinesSink sink =
        JsonLinesSink.toFile(file, store, java.time.Duration.ofSeconds(1), () -> 0L)) {
      sink.open(WriteMode.FULL, "items", null);
      sink.write(PAGE.subList(0, 1), Checkpoint.fromJson("{\"version\":1,\"page\":1}"));
      sink.write(
          PAGE.subList(1, 2),
          Checkpoint.fromJson("{\"version\":1,\"page\":2,\"status\":\"complete\"}"));
      assertThat(store.load("items").orElseThrow().status()).isEqualTo(Checkpoint.Status.COMPLETE);
      assertThat(store.load("items").orElseThrow().sinkPosition()).isEqualTo(18);
    }
  }
}
