package dev.pagewalk.sinks;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Passes everything to a sink and remembers the stored keys of the records written. */
final class Recording implements RecordSink {
  private final RecordSink sink;
  final List<String> keys = new ArrayList<>();

  Recording(RecordSink sink) {
    this.sink = sink;
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
    sink.write(records, after);
    records.forEach(r -> keys.add(RecordKeys.of(r.key(), r.value())));
  }
}
