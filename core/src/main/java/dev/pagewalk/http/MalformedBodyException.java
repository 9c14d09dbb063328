package dev.pagewalk.http;

import java.io.IOException;

/**
 * A response body that does not parse as the declared or detected type. {@link #truncated()} tells
 * a body that ended early (an I/O failure the engine may retry) from one that is wrong (retrying
 * will not help).
 */
public final class MalformedBodyException extends IOException {
  private final boolean truncated;

  public MalformedBodyException(String message, boolean truncated, Throwable cause) {
    super(message, cause);
    this.truncated = truncated;
  }

  /** True when the body ended in the middle of a value. */
  public boolean truncated() {
    return truncated;
  }
}
