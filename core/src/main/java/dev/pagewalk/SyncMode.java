package dev.pagewalk;

/**
 * What a sync does with what its destination already holds ({@link Runner#sync(Plan, RunInput,
 * dev.pagewalk.sink.RecordSink, SyncMode)}). Whatever the mode, a run never continues from the
 * checkpoint or watermark of a different sync (other spec, parameters, base URL, connection or sync
 * name): it is refused with {@link InputException} naming what differs.
 */
public enum SyncMode {
  /**
   * Adds to the destination, never removes. A spec with {@code sync.incremental} continues after
   * the watermark of the sync's last complete run; a full walk upserts into a database and is
   * refused by a JSON Lines file that already holds records (it would hold them twice).
   */
  APPEND,
  /**
   * Continues the sync's last unfinished run from its checkpoint (from the beginning when there is
   * none; nothing when it completed); the destination drops whatever was written after it.
   */
  RESUME,
  /**
   * Empties the sync's destination (its table or file, and its checkpoint), then runs from the
   * start.
   */
  REPLACE
}
