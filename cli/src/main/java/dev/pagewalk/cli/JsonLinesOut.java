package dev.pagewalk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.pagewalk.CancelledException;
import dev.pagewalk.OutputRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * Writes each record's value as one compact JSON object per line (JSON Lines), or drops it when
 * there is nowhere to write (with {@code --report -}, stdout carries the report instead).
 */
final class JsonLinesOut implements Consumer<OutputRecord>, AutoCloseable {
  private static final ObjectWriter JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writer();

  private final Writer out;
  private final boolean closeOut;

  private JsonLinesOut(Writer out, boolean closeOut) {
    this.out = out;
    this.closeOut = closeOut;
  }

  /** Writes to {@code out}, closing it at the end when {@code owned}. */
  static JsonLinesOut writingTo(Writer out, boolean owned) {
    return new JsonLinesOut(out, owned);
  }

  static JsonLinesOut discarding() {
    return new JsonLinesOut(null, false);
  }

  @Override
  public void accept(OutputRecord rec) {
    if (out == null) {
      return;
    }
    try {
      out.write(line(rec.value()));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a record: " + e.getMessage(), e);
    }
  }

  static String line(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Flushes a page's records, during the run. A {@link PrintWriter} (stdout) hides write errors;
   * when it reports one — the reader went away, as with {@code | head} — the run is cancelled
   * rather than fetching pages nobody reads.
   */
  void endOfPage() {
    flush();
    if (out instanceof PrintWriter writer && writer.checkError()) {
      throw new CancelledException("the output was closed; stopped fetching");
    }
  }

  void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    flush();
    if (closeOut) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
