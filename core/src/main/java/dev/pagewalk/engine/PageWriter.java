package dev.pagewalk.engine;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.state.Checkpoint;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where accepted pages go: to a record consumer (no checkpoints), or to a {@link
 * dev.pagewalk.sink.RecordSink} with the checkpoint that follows the page. The checkpoint is
 * built only when the writer keeps one.
 */
interface PageWriter {
  void write(List<OutputRecord> records, Supplier<Checkpoint> checkpoint);
}
