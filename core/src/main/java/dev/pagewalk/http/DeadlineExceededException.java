package dev.pagewalk.http;

import java.io.IOException;

/** The per-request deadline passed before the last byte of the response arrived. */
public final class DeadlineExceededException extends IOException {
  public DeadlineExceededException(String message) {
    super(message);
  }
}
