package dev.pagewalk.http;

import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses a response body while it arrives, for {@link Exchanger#send(HttpRequest, RequestLimits,
 * StreamParser)}: reading the bytes as they come off the connection keeps them in the CPU cache,
 * where a body read whole first must be fetched back from memory to be parsed. The engine still
 * keeps the complete body; when parsing fails for any reason other than the connection, the caller
 * simply parses that complete body its usual way, so errors read exactly as before.
 */
public interface StreamParser {
  /**
   * True when a final response with this status and these headers is to be parsed as it arrives.
   */
  boolean wants(int status, Headers headers);

  /** Parses the body from its stream (which enforces the size cap and the deadline). */
  Object parse(InputStream body) throws IOException;
}
