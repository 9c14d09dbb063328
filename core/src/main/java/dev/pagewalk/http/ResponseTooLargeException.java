package dev.pagewalk.http;

import java.io.IOException;

/** The response body (after decompression) exceeded the size cap. */
public final class ResponseTooLargeException extends IOException {
  public ResponseTooLargeException(String message) {
    super(message);
  }
}
