package dev.pagewalk.cli;

import dev.pagewalk.CancelledException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.json.JsonLinesWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * Writes each record's value as one compact JSON object per line (JSON Lines), with the JSON Lines
 * sink's own {@link JsonLinesWriter}, or drops it when there is nowhere to write (with {@code
 * --report -}, stdout carries the report instead).
 */
final class JsonLinesOut implements Consumer<OutputRecord>, AutoCloseable {
  private final Writer out;
  private final JsonLinesWriter lines;
  private final boolean closeOut;

  private JsonLinesOut(Writer out, boolean closeOut) {
    this.out = out;
    this.closeOut = closeOut;
    try {
      this.lines = out == null ? null : new JsonLinesWriter(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    if (lines == null) {
      return;
    }
    try {
      lines.write(rec.value());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a record: " + e.getMessage(), e);
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
    if (lines != null) {
      try {
        lines.flush();
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
