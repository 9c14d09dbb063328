package dev.pagewalk.engine;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.sink.RecordSink.HeldRecords;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the pages of a walk go, each with the checkpoint that follows it (built only when asked
 * for). Returns when the page is durably written; an {@link IOException} or {@link
 * java.io.UncheckedIOException} ends the walk with a {@link ErrorCode#SINK_WRITE} failure.
 */
public interface WalkPages {
  void write(List<OutputRecord> records, Supplier<Checkpoint> after) throws IOException;

  /**
   * Tells {@code held} the records the walk wrote in its run up to {@code upTo}, the checkpoint it
   * resumed from ({@link dev.pagewalk.sink.WalkSink#readBack}); asked only when the resumed walk
   * starts over from its first page. False when the destination cannot tell (the default).
   */
  default boolean readBack(Checkpoint upTo, HeldRecords held) throws IOException {
    return false;
  }
}
