package dev.pagewalk.sinks;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.ForwardingSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.util.List;

/** Passes {@code pages} writes to a sink, then fails every write: a run stopped mid-way. */
final class FailAfterPages extends ForwardingSink {
  private int left;

  FailAfterPages(RecordSink sink, int pages) {
    super(sink);
    this.left = pages;
  }

  @Override
  public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
    if (left-- <= 0) {
      throw new IOException("disk unplugged");
    }
    delegate.write(records, after);
  }
}
