package dev.pagewalk.conformance.livedata;

import java.util.Locale;

/**
 * How record ids appear on the wire.
 *
 * <p>Internally every record has a sequence number starting at 1. {@link #INTEGER} renders it as a
 * JSON number ({@code "id": 42}); {@link #STRING} renders it as a zero-padded string ({@code "id":
 * "item-000042"}) so that string order equals numeric order. Query parameters such as {@code
 * after_id} accept the wire form; {@link #STRING} also accepts the bare number.
 */
public enum IdType {
  INTEGER,
  STRING;

  private static final String PREFIX = "item-";

  /** The id as it is written in JSON and in query parameters, without quotes. */
  public String render(long seq) {
    return this == INTEGER ? Long.toString(seq) : PREFIX + String.format("%06d", seq);
  }

  /** Parses the wire form back into the sequence number. */
  public long parse(String wire) {
    String digits =
        this == STRING && wire.startsWith(PREFIX) ? wire.substring(PREFIX.length()) : wire;
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a " + name().toLowerCase(Locale.ROOT) + " id: " + wire);
    }
  }

  static IdType fromName(String name) {
    return switch (name) {
      case "integer", "int", "number" -> INTEGER;
      case "string" -> STRING;
      default ->
          throw new IllegalArgumentException("expected integer or string but got '" + name + "'");
    };
  }
}
