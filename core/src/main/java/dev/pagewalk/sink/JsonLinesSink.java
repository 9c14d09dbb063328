package dev.pagewalk.sink;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.CheckpointStore;
import dev.pagewalk.state.FileCheckpointStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Records as JSON Lines (one compact JSON value per line). Into a file, each page is written,
 * flushed and fsynced before its checkpoint is saved (atomically, by the {@link
 * CheckpointStore}); the checkpoint records the file's length, and a resumed run truncates the
 * file to it — so the file holds every record exactly once however often the run is killed.
 * To a stream (stdout) there are no checkpoints.
 */
public final class JsonLinesSink implements RecordSink {
  private final Path file;
  private final CheckpointStore store;
  private final OutputStream stream;
  private FileChannel channel;
  private JsonLinesWriter out;
  private String streamName;

  private JsonLinesSink(Path file, CheckpointStore store, OutputStream stream) {
    this.file = file;
    this.store = store;
    this.stream = stream;
  }

  /** A file sink whose checkpoints live in {@code stateDir}. */
  public static JsonLinesSink toFile(Path file, Path stateDir) {
    return new JsonLinesSink(file, new FileCheckpointStore(stateDir), null);
  }

  /** A file sink with a checkpoint store of your choice. */
  public static JsonLinesSink toFile(Path file, CheckpointStore store) {
    return new JsonLinesSink(file, store, null);
  }

  /** A stream sink (no checkpoints, nothing to resume). */
  public static JsonLinesSink toStream(OutputStream stream) {
    return new JsonLinesSink(null, null, stream);
  }

  @Override
  public Optional<Checkpoint> checkpoint(String streamName) throws IOException {
    return store == null ? Optional.empty() : store.load(streamName);
  }

  @Override
  public void open(String streamName, Checkpoint resumeFrom) throws IOException {
    this.streamName = streamName;
    if (file == null) {
      out = new JsonLinesWriter(new BufferedOutputStream(stream, 1 << 16));
      return;
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long keep = resumeFrom == null ? 0 : Math.max(0, resumeFrom.sinkPosition());
    if (channel.size() > keep) {
      channel.truncate(keep);
    }
    channel.position(keep);
    out = new JsonLinesWriter(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
  }

  @Override
  public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
    for (OutputRecord r : records) {
      out.write(r.value());
    }
    out.flush();
    if (channel != null) {
      channel.force(false);
      if (after != null) {
        store.save(streamName, after.withSinkPosition(channel.position()));
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
    if (channel != null) {
      channel.close();
    }
  }
}
