package dev.pagewalk.http;

import java.io.IOException;

/**
 * Sends one request and reads its whole response. Implementations are thread-safe and shared by
 * concurrent runs. I/O failures, an exceeded deadline and an oversized body are IOExceptions
 * ({@link DeadlineExceededException}, {@link ResponseTooLargeException}); any HTTP status is a
 * normal response.
 */
public interface Transport extends AutoCloseable {
  HttpResponse send(HttpRequest request, RequestLimits limits) throws IOException;

  @Override
  default void close() {}
}
