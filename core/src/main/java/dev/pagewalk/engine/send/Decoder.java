package dev.pagewalk.engine.send;

import dev.pagewalk.http.Parsed;
import java.io.IOException;

/**
 * Turns a response whose status is not retried into what the page loop reads; an IOException (a
 * truncated or malformed body) is a failed attempt, retried like an I/O failure.
 */
@FunctionalInterface
public interface Decoder<T> {
  T decode(Parsed response) throws IOException;
}
