package dev.pagewalk.http;

import java.io.IOException;

/**
 * Sends one request and reads its whole response. Implementations are thread-safe and shared by
 * concurrent runs; a run calls its transport for one request at a time, but not always from the
 * run's own thread (a runner's read-ahead sends the next page's request from one of its
 * threads). I/O failures, an exceeded deadline and an oversized body are IOExceptions ({@link
 * DeadlineExceededException}, {@link ResponseTooLargeException}); any HTTP status is a normal
 * response.
 */
public interface Transport extends AutoCloseable {
  HttpResponse send(HttpRequest request, RequestLimits limits) throws IOException;

  /**
   * Sends the request like {@link #send(HttpRequest, RequestLimits)} and, where the transport can,
   * hands the final response's body to {@code parser} as it arrives (when the parser wants it).
   * The default reads the whole body first and parses nothing.
   */
  default Parsed send(HttpRequest request, RequestLimits limits, StreamParser parser) throws IOException {
    return Parsed.unparsed(send(request, limits));
  }

  @Override
  default void close() {}
}
