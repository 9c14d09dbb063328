package dev.pagewalk.sink;

/**
 * How a run writes into what a sink holds for its stream, as the engine tells {@link
 * RecordSink#open(WriteMode, String, dev.pagewalk.state.Checkpoint)}. The history each sink keeps
 * under each mode is tabled in the sinks module's README.
 */
public enum WriteMode {
  /**
   * A full walk from the first page. A sink keyed by record (a database) upserts; an append-only
   * log (a JSON Lines file) refuses when it already holds records.
   */
  FULL,
  /**
   * An incremental run: its records (those after the last watermark) are added to what is there.
   */
  APPEND,
  /**
   * A resumed run: whatever was written after the resumed checkpoint is dropped, then added to.
   * Without a checkpoint (a run killed before its first one), everything written is unfinished.
   */
  RESUME,
  /** Everything held for the stream, and its checkpoint, is removed first. */
  REPLACE
}
