package dev.pagewalk.state;

import dev.pagewalk.files.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Checkpoints as files {@code DIR/<stream>.checkpoint.json}, written atomically: a temporary file
 * is written and fsynced, renamed over the old one, and the directory fsynced — a crash leaves the
 * old checkpoint or the new one, never a torn file. Each is sealed with an HMAC keyed by {@code
 * DIR/checkpoints.key}, and one that does not verify is refused on load ({@code CheckpointSeal}). A
 * run writing the stream holds {@code DIR/<stream>.lock} ({@link StateLock}).
 */
public final class FileCheckpointStore implements CheckpointStore {
  private final Path dir;
  private final CheckpointSeal seal;

  public FileCheckpointStore(Path dir) {
    this.dir = dir;
    this.seal = new CheckpointSeal(dir);
  }

  public Path file(String stream) {
    return dir.resolve(stream + ".checkpoint.json");
  }

  /** Locks {@code DIR/<stream>.lock} (see {@link StateLock}). */
  @Override
  public StateLock lock(String stream) throws IOException {
    return StateLock.take(dir.resolve(stream + ".lock"));
  }

  @Override
  public String where(String stream) {
    return file(stream).toString();
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.pagewalk.InputException ({@link dev.pagewalk.ErrorCode#STATE}) when the file does
   *     not verify against its seal: it was changed outside pagewalk
   */
  @Override
  public Optional<Checkpoint> load(String stream) throws IOException {
    Path f = file(stream);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    String text = Files.readString(f, StandardCharsets.UTF_8);
    try {
      return Optional.of(Checkpoint.fromJson(seal.open(stream, text, f)));
    } catch (IllegalArgumentException e) {
      throw new IOException(f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(String stream, Checkpoint checkpoint) throws IOException {
    Path target = file(stream);
    Path tmp = dir.resolve(stream + ".checkpoint.json.tmp");
    byte[] bytes;
    try {
      Files.createDirectories(dir);
      bytes = seal.seal(stream, checkpoint.toJson()).getBytes(StandardCharsets.UTF_8);
      write(tmp, bytes);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw IoErrors.failed("save the checkpoint", target, e);
    }
    syncDirectory(dir);
  }

  private static void write(Path tmp, byte[] bytes) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  /**
   * {@code json} (one JSON object on one line) sealed as {@code name}'s, as a checkpoint file is: a
   * line of a connector's walk journal, which lives in this directory and is verified the same way.
   */
  public String seal(String name, String json) throws IOException {
    Files.createDirectories(dir);
    return seal.seal(name, json);
  }

  /**
   * The JSON of a line {@link #seal} sealed as {@code name}'s, once its seal verifies.
   *
   * @throws dev.pagewalk.InputException ({@link dev.pagewalk.ErrorCode#STATE}) naming {@code file}
   *     when it does not: it was changed outside pagewalk
   */
  public String unseal(String name, String line, Path file) throws IOException {
    return seal.open(name, line, file);
  }

  @Override
  public void delete(String stream) throws IOException {
    try {
      if (Files.deleteIfExists(file(stream))) {
        syncDirectory(dir);
      }
    } catch (IOException e) {
      throw IoErrors.failed("delete the checkpoint", file(stream), e);
    }
  }

  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can fsync a directory; the rename is still atomic
    }
  }
}
