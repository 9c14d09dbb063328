package dev.pagewalk.spi;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Sends one request to exactly its URI and hands back what came back: the one part of the request
 * pipeline a platform plugs in (as OkHttp's {@code Call} or Feign's {@code Client}).
 *
 * <p>A transport moves bytes and nothing else. It must not follow redirects (a 3xx is a normal
 * response), retry, decompress (a gzip body is returned as gzip; {@code Accept-Encoding} is already
 * set when the engine wants compression), cache or store cookies. Every guard is the engine's: it
 * checks each hop's host and address against the spec's network policy before the transport is
 * called, follows redirects itself (stripping credentials, secret-derived query values and the body
 * when a hop leaves the origin), caps the decompressed body and enforces the hard deadline, so a
 * transport that ignores all of this still cannot switch them off.
 *
 * <p>Failures are IOExceptions: the JDK's own types where one fits ({@code
 * java.net.ConnectException}, {@code SocketTimeoutException}, {@code
 * java.net.http.HttpConnectTimeoutException}, {@code UnknownHostException}, {@code
 * javax.net.ssl.SSLException}, {@code java.io.EOFException} for a body that ends early, {@code
 * java.net.ProtocolException} for a response that is not HTTP), or a {@link
 * BrokenResponseException} for the breakages the JDK has no type for. Any HTTP status is a normal
 * response.
 *
 * <p>Implementations are thread-safe and shared by concurrent runs; a run sends one request at a
 * time, but not always from the same thread (read-ahead sends the next page from another one).
 */
public interface Transport extends AutoCloseable {
  /**
   * Sends {@code request} (its body is null for none) and returns once the response head is in; the
   * body is then read from {@link Response#body()} as it arrives.
   *
   * @param exchange what the engine offers this one exchange: a way to be told to abort it (the
   *     deadline)
   */
  Response send(HttpRequest request, Exchange exchange) throws IOException;

  /** Releases what the transport holds (connection pools, threads). */
  @Override
  default void close() {}

  /**
   * One response as the transport received it. {@link #close()} is called exactly once, by the
   * thread that called {@link #send}, after the body was read to its end or given up; when it was
   * not read to its end the transport must not reuse the connection (abort it).
   */
  interface Response extends Closeable {
    int status();

    /** The reason phrase; empty when the server sent none. */
    String reason();

    Headers headers();

    /** The body as it arrives, still content-encoded; empty (never null) for none. */
    InputStream body();

    /** A response whose body is already in memory, for transports that are not sockets. */
    static Response of(int status, String reason, Headers headers, byte[] body) {
      Objects.requireNonNull(body, "body");
      return of(status, reason, headers, new ByteArrayInputStream(body));
    }

    /** A response over {@code body}; closing it closes the stream. */
    static Response of(int status, String reason, Headers headers, InputStream body) {
      Objects.requireNonNull(body, "body");
      Headers h = headers == null ? Headers.empty() : headers;
      String r = reason == null ? "" : reason;
      return new Response() {
        @Override
        public int status() {
          return status;
        }

        @Override
        public String reason() {
          return r;
        }

        @Override
        public Headers headers() {
          return h;
        }

        @Override
        public InputStream body() {
          return body;
        }

        @Override
        public void close() throws IOException {
          body.close();
        }
      };
    }
  }

  /** What the engine offers one exchange; thread-safe. */
  interface Exchange {
    /**
     * Registers what aborts this exchange (closing its connection, so that a blocked connect or
     * read fails at once). The engine calls it from another thread when the deadline passes, at
     * most once; if that has already happened, {@code abort} runs at once. A transport that
     * registers nothing is still bounded between reads of the body, not while it blocks.
     */
    void onAbort(Runnable abort);
  }
}
