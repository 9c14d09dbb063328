package dev.pagewalk.sink;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.files.IoErrors;
import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.json.RawJsonRecords;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.CheckpointStore;
import dev.pagewalk.state.FileCheckpointStore;
import dev.pagewalk.state.StateLock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Records as JSON Lines (one compact JSON value per line). The file is an append-only log of the
 * sync: a full run into a file that already holds records is refused ({@link WriteMode#FULL}: it
 * would hold them twice) unless the file is replaced ({@link WriteMode#REPLACE}); an incremental
 * run appends ({@link WriteMode#APPEND}); a resumed run cuts the file back to its checkpoint and
 * continues ({@link WriteMode#RESUME}).
 *
 * <p>Into a regular file, each page is written and flushed; the file is fsynced before a checkpoint
 * is saved (atomically, by the {@link CheckpointStore}), and the checkpoint records the file's
 * length, so a resumed run truncates the file to it — the file holds every record exactly once
 * however often the run is killed. An fsync costs milliseconds, so the file is fsynced and the
 * latest page's checkpoint saved at most once per {@link #SYNC_INTERVAL} (after the first page,
 * then with the first page written a full interval after the last save), and always on {@link
 * #close}: a killed run repeats at most the pages of the last interval. That length is checked
 * first: it must be a line boundary within the file, or the resume is refused. From opening the
 * file until closing it, the sink holds its store's lock on the stream ({@link
 * CheckpointStore#lock}), so two runs never write one file. Into anything else that is not a
 * regular file ({@code /dev/null}, a named pipe) and to a stream (stdout), records are written and
 * flushed, never fsynced, and there are no checkpoints. I/O failures name the operation and the
 * file.
 *
 * <p>A record whose value is an item of the response as sent (the spec's {@code output} is the
 * item) is written by copying the item's bytes when they are already in the form they would be
 * written in ({@link dev.pagewalk.json.CanonicalJson}); the line is the same either way.
 */
public final class JsonLinesSink implements RecordSink {
  /** How often a file is fsynced and its checkpoint saved, at most, unless told otherwise. */
  public static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);

  private final Path file;
  private final CheckpointStore store;
  private final OutputStream stream;
  private final long syncNanos;
  private final LongSupplier nanoTime;
  private long lastSync;
  private boolean synced;
  private boolean unsynced;
  private Checkpoint pending;
  private StateLock lock;
  private FileChannel channel;
  private OutputStream device;
  private JsonLinesWriter out;
  private String streamName;

  private JsonLinesSink(
      Path file, CheckpointStore store, OutputStream stream, Duration sync, LongSupplier nanoTime) {
    this.file = file;
    this.store = store;
    this.stream = stream;
    this.syncNanos = sync.toNanos();
    this.nanoTime = nanoTime;
  }

  /** A file sink whose checkpoints live in {@code stateDir}. */
  public static JsonLinesSink toFile(Path file, Path stateDir) {
    return toFile(file, new FileCheckpointStore(stateDir));
  }

  /** A file sink with a checkpoint store of your choice. */
  public static JsonLinesSink toFile(Path file, CheckpointStore store) {
    return toFile(file, store, SYNC_INTERVAL, System::nanoTime);
  }

  /**
   * A file sink that fsyncs and saves a checkpoint at most once per {@code sync} ({@link
   * Duration#ZERO}: after every page), timed by {@code nanoTime}.
   */
  static JsonLinesSink toFile(
      Path file, CheckpointStore store, Duration sync, LongSupplier nanoTime) {
    return new JsonLinesSink(file, store, null, sync, nanoTime);
  }

  /** A stream sink (no checkpoints, nothing to resume). */
  public static JsonLinesSink toStream(OutputStream stream) {
    return new JsonLinesSink(null, null, stream, Duration.ZERO, System::nanoTime);
  }

  @Override
  public Optional<Checkpoint> checkpoint(String streamName) throws IOException {
    return store == null || isDevice() ? Optional.empty() : store.load(streamName);
  }

  /**
   * As {@link #open(WriteMode, String, Checkpoint)}: a resume with a checkpoint, else a full run.
   */
  @Override
  public void open(String streamName, Checkpoint resumeFrom) throws IOException {
    open(resumeFrom == null ? WriteMode.FULL : WriteMode.RESUME, streamName, resumeFrom);
  }

  @Override
  public void open(WriteMode mode, String streamName, Checkpoint resumeFrom) throws IOException {
    this.streamName = streamName;
    if (file == null) {
      out = new JsonLinesWriter(new BufferedOutputStream(stream, 1 << 16));
      return;
    }
    if (isDevice()) {
      device = io("open", () -> Files.newOutputStream(file, StandardOpenOption.WRITE));
      out = new JsonLinesWriter(new BufferedOutputStream(device, 1 << 16));
      return;
    }
    if (file.getParent() != null) {
      io("create the directory of", () -> Files.createDirectories(file.getParent()));
    }
    lock = store.lock(streamName);
    try {
      channel =
          io(
              "open",
              () ->
                  FileChannel.open(
                      file,
                      StandardOpenOption.CREATE,
                      StandardOpenOption.READ,
                      StandardOpenOption.WRITE));
    } catch (IOException e) {
      lock.close();
      throw e;
    }
    try {
      long size = io("read the size of", channel::size);
      long keep =
          switch (mode) {
            case FULL -> {
              if (size > 0) {
                throw new IOException(
                    file
                        + " already holds records and this is a full run, which"
                        + " would add them all again: continue the last run with --resume, or start the"
                        + " file over with --replace");
              }
              yield 0;
            }
            case APPEND -> size;
            case RESUME -> resumePosition(resumeFrom, size);
            case REPLACE -> {
              store.delete(streamName);
              yield 0;
            }
          };
      if (size > keep) {
        io("truncate", () -> channel.truncate(keep));
      }
      channel.position(keep);
    } catch (IOException e) {
      try {
        channel.close();
        channel = null;
      } finally {
        lock.close();
      }
      throw e;
    }
    out = new JsonLinesWriter(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
  }

  /**
   * Where a resumed run continues: the length the checkpoint recorded, which must be a line
   * boundary within the file — a checkpoint edited or mixed up with another file's would otherwise
   * drop records, pad the file with NUL bytes or tear a record.
   */
  private long resumePosition(Checkpoint from, long size) throws IOException {
    if (from == null) {
      return 0;
    }
    long keep = from.sinkPosition();
    String says =
        "cannot resume from "
            + store.where(streamName)
            + ": it says "
            + file
            + " held "
            + keep
            + " bytes";
    String changed = "; the file or the checkpoint was changed, start the file over with --replace";
    if (keep < 0) {
      throw new IOException(
          says
              + ", which is not a position in a file; the checkpoint was"
              + " changed, start the file over with --replace");
    }
    if (keep > size) {
      throw new IOException(says + ", but it holds " + size + changed);
    }
    if (keep > 0 && lastByteBefore(keep) != '\n') {
      throw new IOException(says + ", which is inside a line (a record would be torn)" + changed);
    }
    return keep;
  }

  private byte lastByteBefore(long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    while (one.hasRemaining()) {
      if (io("read", () -> channel.read(one, position - 1 + one.position())) < 0) {
        throw new IOException("cannot read " + file + ": it ended while being read");
      }
    }
    return one.get(0);
  }

  @Override
  public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
    try {
      RawJsonRecords sent = records instanceof RawJsonRecords r ? r : null;
      for (int i = 0; i < records.size(); i++) {
        RawJson json = sent == null ? null : sent.rawJson(i);
        if (json != null) {
          out.write(json);
        } else {
          out.write(records.get(i).value());
        }
      }
      out.flush();
    } catch (IOException e) {
      throw IoErrors.failed("write", where(), e);
    }
    if (channel != null) {
      unsynced = true;
      if (after != null) {
        pending = after.withSinkPosition(channel.position());
      }
      long now = nanoTime.getAsLong();
      if (!synced || now - lastSync >= syncNanos || ends(after)) {
        sync();
        lastSync = now;
        synced = true;
      }
    }
  }

  /**
   * The records of the file's last lines before {@code upTo}'s position, as many as the run of
   * {@code upTo} wrote ({@link dev.pagewalk.RunStats#recordsEmitted()} of its counters): the file
   * is an append-only log, so the run's records are the last ones before its checkpoint, after
   * those of earlier runs (an incremental sync's). Reads the file twice, holding one line at a
   * time. Nothing to tell from a stream or a device, which keep no checkpoint.
   */
  @Override
  public boolean readBack(String stream, Checkpoint upTo, HeldRecords held) throws IOException {
    if (channel == null || !stream.equals(streamName) || upTo.sinkPosition() < 0) {
      return false;
    }
    long end = Math.min(upTo.sinkPosition(), io("read the size of", channel::size));
    long records = dev.pagewalk.RunStats.resumedFrom(upTo.counters()).recordsEmitted();
    long lines = LinesReadBack.countLines(file, 0, end);
    if (records > lines) {
      throw new IOException(
          "cannot read back "
              + file
              + ": the checkpoint says its run wrote "
              + records
              + " records, but the file holds "
              + lines
              + " lines before byte "
              + end);
    }
    LinesReadBack.read(file, 0, end, lines - records, held);
    return true;
  }

  /** A checkpoint saved with a run's last page (complete, truncated or failed). */
  private static boolean ends(Checkpoint after) {
    return after != null && after.status() != null && after.status() != Checkpoint.Status.RUNNING;
  }

  /** The records written so far made durable, then the checkpoint that follows them saved. */
  private void sync() throws IOException {
    io("fsync", () -> channel.force(false));
    unsynced = false;
    if (pending != null) {
      store.save(streamName, pending);
      pending = null;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (channel != null && unsynced) {
        sync();
      }
      closeWriter();
    } finally {
      try {
        if (channel != null) {
          channel.close();
        }
        if (device != null) {
          device.close();
        }
      } finally {
        if (lock != null) {
          lock.close();
        }
      }
    }
  }

  private void closeWriter() throws IOException {
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      throw IoErrors.failed("close", where(), e);
    }
  }

  /** A file that exists and is not a regular file: {@code /dev/null}, a pipe, a terminal. */
  private boolean isDevice() {
    return file != null && Files.exists(file) && !Files.isRegularFile(file);
  }

  private Path where() {
    return file != null ? file : Path.of("(stream)");
  }

  private interface Io<T> {
    T run() throws IOException;
  }

  private interface IoStep {
    void run() throws IOException;
  }

  private <T> T io(String operation, Io<T> step) throws IOException {
    try {
      return step.run();
    } catch (IOException e) {
      throw IoErrors.failed(operation, file, e);
    }
  }

  private void io(String operation, IoStep step) throws IOException {
    io(
        operation,
        () -> {
          step.run();
          return null;
        });
  }
}
