package dev.pagewalk.json;

/**
 * A page of records whose values are, some of them, items of the response exactly as decoded (the
 * spec's {@code output} is the item) with their {@link RawJson canonical bytes} kept: a JSON Lines
 * sink copies those bytes instead of encoding the value again, and writes the same line.
 */
public interface RawJsonRecords {
  /** The JSON of record {@code index}'s value as sent, or null when it must be encoded. */
  RawJson rawJson(int index);
}
