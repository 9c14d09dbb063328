package dev.pagewalk.sinks;

import java.util.regex.Pattern;

/**
 * Table names for streams: the sync name (by default the spec's name), which is {@code
 * [a-z0-9][a-z0-9_-]*}, double-quoted.
 */
final class StreamTables {
  private static final Pattern NAME = dev.pagewalk.state.SyncIdentity.NAME;

  private StreamTables() {}

  static String quoted(String stream) {
    if (stream == null || !NAME.matcher(stream).matches()) {
      throw new IllegalArgumentException(
          "stream name '"
              + stream
              + "' is not a table name: "
              + "expected lower-case letters, digits, '-' and '_' (at most 63), as sync names are");
    }
    return '"' + stream + '"';
  }
}
