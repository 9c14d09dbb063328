package dev.pagewalk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // a lock held for the block is the point of the block
class StateLockTest {
  @TempDir Path dir;

  @Test
  void writesItsHolderIntoTheLockFile() throws IOException {
    Path file = dir.resolve("nested/items.lock");
    try (StateLock lock = StateLock.take(file)) {
      assertThat(Files.readString(file))
          .matches("pid " + ProcessHandle.current().pid() + " since [0-9-]+T[0-9:]+Z\n");
    }
  }

  @Test
  void refusesASecondHolderNamingTheFirst() throws IOException {
    Path file = dir.resolve("items.lock");
    try (StateLock first = StateLock.take(file)) {
      String holder = Files.readString(file).strip();

      assertThatThrownBy(() -> StateLock.take(file))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "another run holds "
                  + file
                  + " ("
                  + holder
                  + "); wait for it to end,"
                  + " or give this run its own --out and --state");
    }
  }

  @Test
  void isFreeAgainOnceClosedAndTheFileStays() throws IOException {
    Path file = dir.resolve("items.lock");
    StateLock first = StateLock.take(file);
    first.close();
    first.close(); // a second close does nothing

    try (StateLock second = StateLock.take(file)) {
      assertThat(file).exists();
    }
  }

  @Test
  void namesTheFileThatCannotBeOpened() throws IOException {
    Path blocker = Files.writeString(dir.resolve("not-a-dir"), "");

    assertThatThrownBy(() -> StateLock.take(blocker.resolve("items.lock")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(
            "cannot open the lock file " + blocker.resolve("items.lock") + ": ");
  }

  @Test
  void noneHoldsNothing() throws IOException {
    StateLock.none().close();
    assertThat(StateLock.none()).isSameAs(StateLock.none());
  }
}
