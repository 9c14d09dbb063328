package dev.pagewalk.sink;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.state.Checkpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a sync writes records, page by page, together with the checkpoint that follows each page. A
 * sink that can (a database) writes both in one transaction; one that cannot (a file) makes the
 * records durable first and the checkpoint after, and cuts off on resume whatever was written after
 * the last checkpoint. Writes must be idempotent by key where the sink can (upsert): a resumed run
 * repeats at most the page after the last checkpoint.
 *
 * <p>Used by one run at a time.
 */
public interface RecordSink extends AutoCloseable {

  /** The last checkpoint saved with this sink's data for the stream, if any. */
  Optional<Checkpoint> checkpoint(String stream) throws IOException;

  /**
   * Prepares to receive a run of the stream. {@code resumeFrom} is the checkpoint a resumed run
   * continues from (the sink drops whatever it holds beyond it), or null for a fresh run. Sinks
   * written before {@link WriteMode} existed implement this; the engine calls {@link
   * #open(WriteMode, String, Checkpoint)}.
   */
  void open(String stream, Checkpoint resumeFrom) throws IOException;

  /**
   * Prepares to receive a run of the stream, written as {@code mode} says; {@code resumeFrom} is
   * the checkpoint of a {@link WriteMode#RESUME} (null otherwise). A sink that cannot honour the
   * mode throws an {@link IOException} saying why, before it changes anything. The default passes
   * the checkpoint to {@link #open(String, Checkpoint)} and refuses {@link WriteMode#REPLACE},
   * which it cannot know how to do.
   */
  default void open(WriteMode mode, String stream, Checkpoint resumeFrom) throws IOException {
    if (mode == WriteMode.REPLACE) {
      throw new IOException(getClass().getName() + " cannot replace what it holds for " + stream);
    }
    open(stream, mode == WriteMode.RESUME ? resumeFrom : null);
  }

  /** Durably writes one page's records and then (or atomically with them) the checkpoint. */
  void write(List<OutputRecord> records, Checkpoint after) throws IOException;

  /**
   * Tells {@code held} the records this sink holds of the run that saved {@code upTo} (its {@link
   * Checkpoint#runId()}), written for the stream up to that checkpoint — never those of an earlier
   * run. Called while the stream is open, only when a resumed walk starts again from its first page
   * ({@code retry.restartWalk}), so that the records the interrupted run wrote are not delivered
   * twice. Returns false when the sink cannot tell (the default): the run then delivers them again
   * and its notes say so.
   */
  default boolean readBack(String stream, Checkpoint upTo, HeldRecords held) throws IOException {
    return false;
  }

  @Override
  default void close() throws IOException {}

  /**
   * What a sink tells of the records it holds, when asked to read them back ({@link
   * RecordSink#readBack}, {@link WalkSink#readBack}): each record either by its key, as a database
   * stores it, or as it was written, from which the engine computes the key with the spec's {@code
   * response.key}. Called by the thread that asked, one record at a time; nothing is kept but the
   * keys.
   */
  interface HeldRecords {
    /**
     * A record known by its key, in {@link dev.pagewalk.json.RecordKeys#canonical} form (the text a
     * database sink stores).
     */
    void key(String canonical);

    /**
     * A record as it was written: a JSON value (maps, lists, strings, numbers as {@link Long},
     * {@link Integer}, {@link java.math.BigInteger} or {@link java.math.BigDecimal}, booleans,
     * null).
     */
    void record(Object value);
  }
}
