package dev.pagewalk.sinks;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.ForwardingSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Passes everything to a sink and remembers the stored keys of the records written. */
final class Recording extends ForwardingSink {
  final List<String> keys = new ArrayList<>();

  Recording(RecordSink sink) {
    super(sink);
  }

  @Override
  public void write(List<OutputRecord> records, Checkpoint after) throws IOException {
    delegate.write(records, after);
    records.forEach(r -> keys.add(RecordKeys.of(r.key(), r.value())));
  }
}
