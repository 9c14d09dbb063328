package dev.pagewalk.engine;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.state.Checkpoint;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where accepted pages go: to a record consumer (no checkpoints), or to a {@link
 * dev.pagewalk.sink.RecordSink} with the checkpoint that follows the page. The checkpoint is built
 * only when the writer keeps one. {@code write} returns only when the destination took the whole
 * page; the run counts a page's records when it returns, so a failed write counts none of them —
 * except what a consumer took before it failed ({@link PartlyWritten}).
 */
interface PageWriter {
  void write(List<OutputRecord> records, Supplier<Checkpoint> checkpoint);

  /** Hands the records to {@code consumer} one by one; a failure says how many it took. */
  static void each(List<OutputRecord> records, Consumer<OutputRecord> consumer) {
    for (int i = 0; i < records.size(); i++) {
      try {
        consumer.accept(records.get(i));
      } catch (RuntimeException e) {
        throw new PartlyWritten(i, e);
      }
    }
  }

  /** A consumer failed after taking the first {@code taken} records of a page. */
  final class PartlyWritten extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int taken;
    final RuntimeException failure;

    PartlyWritten(int taken, RuntimeException failure) {
      super(failure.getMessage(), failure, false, false);
      this.taken = taken;
      this.failure = failure;
    }
  }
}
