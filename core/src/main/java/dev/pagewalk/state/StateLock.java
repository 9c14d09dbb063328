package dev.pagewalk.state;

import dev.pagewalk.files.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One run's exclusive hold on a sync's state, from the moment it opens its destination until it
 * closes it, so that two runs at once (a cron job that overruns) cannot both write. It is the
 * operating system's lock on a lock file ({@link FileChannel#tryLock()}), not the file's existence:
 * a run that is killed loses it with its process, and the file it leaves behind is taken over by
 * the next run. The file holds the holder's pid and start time, which a refused run names.
 */
public final class StateLock implements AutoCloseable {
  private static final StateLock NONE = new StateLock(null, null);

  private final FileChannel channel;
  private final FileLock lock;

  private StateLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** No lock: for stores whose runs cannot overlap, or that lock by other means. */
  public static StateLock none() {
    return NONE;
  }

  /**
   * Takes the lock on {@code file} without waiting.
   *
   * @throws IOException {@code another run holds FILE (pid N since T)} when another process (or
   *     another sink in this one) holds it, or when the file cannot be opened
   */
  public static StateLock take(Path file) throws IOException {
    return take(file, "give this run its own --out and --state");
  }

  /**
   * As {@link #take(Path)}, the refusal ending {@code wait for it to end, or WAY_OUT}.
   *
   * @throws IOException {@code another run holds FILE (pid N since T); wait for it to end, or
   *     WAY_OUT}
   */
  public static StateLock take(Path file, String wayOut) throws IOException {
    FileChannel channel;
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw IoErrors.failed("open the lock file", file, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw IoErrors.failed("lock", file, e);
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          "another run holds "
              + file
              + " ("
              + holder(file)
              + "); wait for it to end, or "
              + wayOut);
    }
    try {
      channel.truncate(0);
      ByteBuffer text =
          ByteBuffer.wrap(
              ("pid "
                      + ProcessHandle.current().pid()
                      + " since "
                      + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8));
      while (text.hasRemaining()) {
        channel.write(text);
      }
      channel.force(false);
    } catch (IOException e) {
      channel.close();
      throw IoErrors.failed("write the lock file", file, e);
    }
    return new StateLock(channel, lock);
  }

  /** {@code pid N since T}, as the holder wrote it; its first line at most. */
  private static String holder(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.matches("pid [0-9]+ since [0-9TZ:.-]+") ? text : "pid unknown";
    } catch (IOException e) {
      return "pid unknown";
    }
  }

  /** Releases the lock (once; later calls do nothing); the file stays, for the next run. */
  @Override
  public void close() throws IOException {
    if (channel != null && channel.isOpen()) {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}
