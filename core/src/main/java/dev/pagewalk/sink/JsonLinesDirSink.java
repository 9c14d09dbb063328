package dev.pagewalk.sink;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.files.IoErrors;
import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.json.RawJsonRecords;
import dev.pagewalk.sink.RecordSink.HeldRecords;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.FileCheckpointStore;
import dev.pagewalk.state.StateLock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector's streams as JSON Lines files {@code DIR/STREAM.jsonl}, with the run's state in the
 * journal {@code STATE/<sync>.walks.jsonl} ({@link WalkJournal}). A commit writes, flushes and
 * fsyncs the page's records, then appends the journal line that names every stream file's length:
 * O(1) work per page, whatever the number of walks. A resumed run cuts each file back to the length
 * the last committed line names, so every record is in its file exactly once however often the run
 * is killed. From {@link #load} to {@link #close} the sink holds {@code STATE/<sync>.lock}. An item
 * written as it came is copied from the response where its JSON is already the line the writer
 * would write, as {@link JsonLinesSink} does.
 */
final class JsonLinesDirSink implements WalkSink {
  private final Path dir;
  private final String sync;
  private final FileCheckpointStore store;
  private final WalkJournal journal;
  private final Map<String, StreamFile> files = new LinkedHashMap<>();
  private StateLock lock;
  private WalkJournal.Replayed replayed;

  JsonLinesDirSink(Path dir, Path stateDir, String sync) {
    this.dir = dir;
    this.sync = sync;
    this.store = new FileCheckpointStore(stateDir);
    this.journal = new WalkJournal(stateDir, sync, store);
  }

  /** One stream's file, open for appending, and its length. */
  private record StreamFile(Path path, FileChannel channel, JsonLinesWriter out) {}

  @Override
  public Optional<Saved> load() throws IOException {
    lock();
    replayed = journal.replay();
    return replayed == null ? Optional.empty() : Optional.of(replayed.saved());
  }

  @Override
  public void open(WriteMode mode, RunStart run) throws IOException {
    lock();
    io("create", dir, () -> Files.createDirectories(dir));
    boolean resumes =
        mode == WriteMode.RESUME
            && replayed != null
            && replayed.saved().run().runId().equals(run.runId());
    if (mode == WriteMode.FULL) {
      for (String stream : run.streams()) {
        Path f = path(stream);
        if (Files.exists(f) && Files.size(f) > 0) {
          throw new IOException(
              f
                  + " already holds records and this is a full run, which would add them all"
                  + " again: continue the last run with --resume, or start the files over with"
                  + " --replace");
        }
      }
    }
    for (String stream : run.streams()) {
      long keep = resumes ? committed(stream, replayed.lengths().getOrDefault(stream, 0L)) : 0;
      files.put(stream, openAt(path(stream), keep));
    }
    if (resumes) {
      journal.continueAfter(replayed.end());
    } else {
      journal.start(run);
    }
  }

  @Override
  public synchronized void commit(Page page) throws IOException {
    if (!page.records().isEmpty()) {
      StreamFile f = files.get(page.stream());
      if (f == null) {
        throw new IOException("the run does not write the stream " + page.stream());
      }
      try {
        List<OutputRecord> records = page.records();
        RawJsonRecords sent = records instanceof RawJsonRecords r ? r : null;
        for (int i = 0; i < records.size(); i++) {
          RawJson json = sent == null ? null : sent.rawJson(i);
          if (json != null) {
            f.out().write(json);
          } else {
            f.out().write(records.get(i).value());
          }
        }
        f.out().flush();
      } catch (IOException e) {
        throw IoErrors.failed("write", f.path(), e);
      }
      io("fsync", f.path(), () -> f.channel().force(false));
    }
    Map<String, Long> lengths = new LinkedHashMap<>();
    for (Map.Entry<String, StreamFile> e : files.entrySet()) {
      lengths.put(e.getKey(), e.getValue().channel().position());
    }
    journal.commit(page, lengths);
  }

  /**
   * The records of the walk's committed pages, found by the journal ({@link WalkJournal#ranges});
   * no commit runs while they are read.
   */
  @Override
  public synchronized boolean readBack(
      String stream, String walk, Checkpoint upTo, HeldRecords held) throws IOException {
    StreamFile f = files.get(stream);
    if (f == null) {
      return false;
    }
    LinesReadBack.read(f.path(), journal.ranges(stream, walk), 0, held);
    return true;
  }

  @Override
  public void close() throws IOException {
    try {
      for (StreamFile f : files.values()) {
        try {
          f.out().close();
        } catch (IOException e) {
          throw IoErrors.failed("close", f.path(), e);
        }
      }
      journal.close();
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  private void lock() throws IOException {
    if (lock == null) {
      lock = store.lock(sync);
    }
  }

  private Path path(String stream) {
    return dir.resolve(stream + ".jsonl");
  }

  /**
   * The length the journal says {@code stream}'s file held at the last commit, checked: within the
   * file and at a line's end — else the file or the journal was changed, and a resume would drop or
   * tear records.
   */
  private long committed(String stream, long length) throws IOException {
    Path f = path(stream);
    long size = Files.exists(f) ? Files.size(f) : 0;
    String says =
        "cannot resume from " + journal.file() + ": it says " + f + " held " + length + " bytes";
    String changed = "; the file or the state was changed, start the files over with --replace";
    if (length > size) {
      throw new IOException(says + ", but it holds " + size + changed);
    }
    if (length > 0 && lastByteBefore(f, length) != '\n') {
      throw new IOException(says + ", which is inside a line (a record would be torn)" + changed);
    }
    return length;
  }

  private static byte lastByteBefore(Path file, long position) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      if (ch.read(one, position - 1) < 1) {
        throw new IOException("cannot read " + file + ": it ended while being read");
      }
      return one.get(0);
    }
  }

  private static StreamFile openAt(Path file, long keep) throws IOException {
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      channel.truncate(keep);
      channel.position(keep);
      channel.force(false);
    } catch (IOException e) {
      throw IoErrors.failed("open", file, e);
    }
    return new StreamFile(
        file,
        channel,
        new JsonLinesWriter(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)));
  }

  private interface IoStep {
    void run() throws IOException;
  }

  private static void io(String operation, Path file, IoStep step) throws IOException {
    try {
      step.run();
    } catch (IOException e) {
      throw IoErrors.failed(operation, file, e);
    }
  }
}
