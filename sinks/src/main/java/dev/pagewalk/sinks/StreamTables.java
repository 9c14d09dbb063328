package dev.pagewalk.sinks;

import java.util.regex.Pattern;

/** Table names for streams: the spec's name, which is {@code [a-z0-9][a-z0-9-]*}, double-quoted. */
final class StreamTables {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private StreamTables() {}

  static String quoted(String stream) {
    if (stream == null || !NAME.matcher(stream).matches()) {
      throw new IllegalArgumentException("stream name '" + stream + "' is not a table name: "
          + "expected lower-case letters, digits and dashes (at most 63), as spec names are");
    }
    return '"' + stream + '"';
  }
}
