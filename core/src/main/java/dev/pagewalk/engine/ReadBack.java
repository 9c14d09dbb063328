package dev.pagewalk.engine;

import dev.pagewalk.sink.RecordSink.HeldRecords;
import java.io.IOException;

/**
 * Asks the destination of a resumed walk for the records it holds of the run being resumed, up to
 * the checkpoint the walk resumed from ({@link dev.pagewalk.sink.RecordSink#readBack}, {@link
 * dev.pagewalk.sink.WalkSink#readBack}); false when it cannot tell.
 */
@FunctionalInterface
interface ReadBack {
  boolean into(HeldRecords held) throws IOException;
}
