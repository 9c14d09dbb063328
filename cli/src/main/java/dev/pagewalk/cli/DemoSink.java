package dev.pagewalk.cli;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.ForwardingSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sinks.SqliteSink;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the demo's cursor sync writes: a fresh embedded SQLite database under the demo directory;
 * remembers the ids written so the demo can check them against the API.
 */
final class DemoSink implements AutoCloseable {
  private final Path target;
  private final RecordSink inner;
  private final List<String> ids = new ArrayList<>();

  private DemoSink(Path target, RecordSink inner) {
    this.target = target;
    this.inner = inner;
  }

  static DemoSink open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("demo.db");
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(dir.resolve("demo.db" + suffix));
    }
    return new DemoSink(file, SqliteSink.open(file));
  }

  String describe() {
    return "SQLite "
        + target
        + " (upsert by key; records and checkpoint in one transaction per page)";
  }

  List<String> ids() {
    return ids;
  }

  RecordSink sink() {
    return new ForwardingSink(inner) {
      @Override
      public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
        delegate.write(records, after);
        records.forEach(r -> ids.add(String.valueOf(r.key())));
      }
    };
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }
}
