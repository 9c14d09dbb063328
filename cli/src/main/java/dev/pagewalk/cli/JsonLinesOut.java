package dev.pagewalk.cli;

import dev.pagewalk.CancelledException;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.json.JsonLinesWriter;
import dev.pagewalk.json.RawJson;
import dev.pagewalk.json.RawJsonRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes each record's value as one compact JSON object per line (JSON Lines), with the JSON Lines
 * sink's own {@link JsonLinesWriter}, or drops it when there is nowhere to write (with {@code
 * --report -}, stdout carries the report instead). An item written as it came is copied from the
 * response where its JSON is already the line the writer would write ({@link #write(List)}).
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
   * Writes a page's records, copying the JSON as sent of those that keep it ({@link
   * RawJsonRecords}): the same lines {@link #accept} writes for their values.
   */
  void write(List<OutputRecord> records) {
    if (lines == null) {
      return;
    }
    RawJsonRecords sent = records instanceof RawJsonRecords r ? r : null;
    try {
      for (int i = 0; i < records.size(); i++) {
        RawJson json = sent == null ? null : sent.rawJson(i);
        if (json != null) {
          lines.write(json);
        } else {
          lines.write(records.get(i).value());
        }
      }
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
