package dev.pagewalk.sink;

import dev.pagewalk.json.RecordKeys;
import java.io.IOException;
import java.util.Set;

/** The keys a destination holds for a stream, in {@link RecordKeys#canonical} form. */
@FunctionalInterface
public interface KeyListing {
  Set<String> keys(String stream) throws IOException;
}
