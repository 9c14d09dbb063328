package dev.pagewalk.sinks;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Passes {@code pages} writes to a sink, then fails every write: a run stopped mid-way. */
final class FailAfterPages implements RecordSink {
  private final RecordSink sink;
  private int left;

  FailAfterPages(RecordSink sink, int pages) {
    this.sink = sink;
    this.left = pages;
  }

  @Override
  public Optional<Checkpoint> checkpoint(String stream) throws IOException {
    return sink.checkpoint(stream);
  }

  @Override
  public void open(String stream, Checkpoint resumeFrom) throws IOException {
    sink.open(stream, resumeFrom);
  }

  @Override
  public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
    if (left-- <= 0) {
      throw new IOException("disk unplugged");
    }
    sink.write(records, after);
  }
}
