package dev.pagewalk.sink;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A sink that passes everything to another; override what you want to observe or change (count the
 * records written, fail after N pages in a test, ...). Does not close the delegate.
 */
public abstract class ForwardingSink implements RecordSink {
  protected final RecordSink delegate;

  protected ForwardingSink(RecordSink delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<Checkpoint> checkpoint(String stream) throws IOException {
    return delegate.checkpoint(stream);
  }

  @Override
  public void open(String stream, Checkpoint resumeFrom) throws IOException {
    delegate.open(stream, resumeFrom);
  }

  @Override
  public void open(WriteMode mode, String stream, Checkpoint resumeFrom) throws IOException {
    delegate.open(mode, stream, resumeFrom);
  }

  @Override
  public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
    delegate.write(records, after);
  }

  @Override
  public boolean readBack(String stream, Checkpoint upTo, HeldRecords held) throws IOException {
    return delegate.readBack(stream, upTo, held);
  }
}
