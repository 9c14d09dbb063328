package dev.pagewalk.audit;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.json.JsonConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-page audit log, as JSON Lines: one line per accepted page (page number, the paging state
 * it was requested with, the sanitized request, status, attempts, items, records delivered,
 * duplicates, first and last key, the API's total, duration), one per retry, and a final line with
 * the run's verdict. Requests are already redacted by the engine (declared secrets and sensitive
 * query parameters masked); no headers or bodies are logged. Every line carries the run id. In a
 * connector run ({@link #forWalk}) every walk writes its lines into the one log, each line whole,
 * with the connector run's id, the {@code stream} and the {@code walk}, and the walk's end line its
 * verdict. Thread-safe.
 */
public final class AuditLog implements RunListener {
  private static final ObjectMapper JSON =
      JsonConfig.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private final Writer out;
  private final String stream;
  private final String walk;
  private String runId = "";

  public AuditLog(Writer out) {
    this(out, "", null, null);
  }

  private AuditLog(Writer out, String runId, String stream, String walk) {
    this.out = out;
    this.runId = runId;
    this.stream = stream;
    this.walk = walk;
  }

  /**
   * The log of one walk of a connector run, into the same writer: its lines carry the connector
   * run's id, the stream and the walk after {@code runId}.
   */
  @Override
  public RunListener forWalk(String connectorRunId, String streamName, String walkLabel) {
    return new AuditLog(out, connectorRunId, streamName, walkLabel);
  }

  @Override
  public void onStart(String id, String spec) {
    if (stream == null) {
      this.runId = id;
    }
  }

  @Override
  public void onPage(PageEvent p) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "page");
    line.put("runId", runId);
    walkOf(line);
    line.put("page", p.page());
    line.put("pagingState", p.pagingState());
    line.put("request", p.request());
    line.put("status", p.status());
    line.put("attempts", p.attempts());
    line.put("items", p.items());
    line.put("delivered", p.emitted());
    line.put("duplicates", p.duplicates());
    line.put("firstKey", p.firstKey());
    line.put("lastKey", p.lastKey());
    if (p.total() != null) {
      line.put("total", p.total());
    }
    line.put("durationMillis", p.durationMillis());
    write(line);
  }

  @Override
  public void onRetry(RetryEvent r) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "retry");
    line.put("runId", runId);
    walkOf(line);
    line.put("request", r.request());
    line.put("attempt", r.attempt());
    line.put("cause", r.cause().label());
    line.put("delayMillis", r.delay().toMillis());
    write(line);
  }

  @Override
  public void onEnd(RunResult result) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "end");
    line.put("runId", stream == null ? result.runId() : runId);
    walkOf(line);
    line.put("stopReason", result.stopReason().wireName());
    line.put("verdict", result.report() == null ? null : result.report().verdict().name());
    line.put("records", result.stats().recordsEmitted());
    line.put("pages", result.stats().pages());
    line.put("requests", result.stats().requests());
    write(line);
  }

  private void walkOf(Map<String, Object> line) {
    if (stream != null) {
      line.put("stream", stream);
      line.put("walk", walk);
    }
  }

  private void write(Map<String, Object> line) {
    try {
      synchronized (out) {
        JSON.writeValue(out, line);
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit log: " + e.getMessage(), e);
    }
  }
}
