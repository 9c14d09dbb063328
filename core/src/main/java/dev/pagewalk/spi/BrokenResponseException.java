package dev.pagewalk.spi;

import java.io.IOException;

/**
 * A response broken in a way the JDK has no exception type for: a {@link Transport} throws it (the
 * Apache one translates its own types into it) so that the engine can name the fault without
 * knowing the transport. Re-sending the request may help.
 */
public final class BrokenResponseException extends IOException {
  /** How the response broke. */
  public enum Kind {
    /** The connection closed before any byte of a response arrived. */
    EMPTY_RESPONSE,
    /** A chunk of a chunked body had an invalid size line or framing. */
    MALFORMED_CHUNK,
    /** The body ended before its declared length or its last chunk. */
    TRUNCATED_BODY
  }

  private final Kind kind;

  public BrokenResponseException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
  }

  public BrokenResponseException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }
}
