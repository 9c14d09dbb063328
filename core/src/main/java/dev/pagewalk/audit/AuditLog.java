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
 * query parameters masked); no headers or bodies are logged. Every line carries the run id.
 */
public final class AuditLog implements RunListener {
  private static final ObjectMapper JSON =
      JsonConfig.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private final Writer out;
  private String runId = "";

  public AuditLog(Writer out) {
    this.out = out;
  }

  @Override
  public void onStart(String id, String spec) {
    this.runId = id;
  }

  @Override
  public void onPage(PageEvent p) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "page");
    line.put("runId", runId);
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
    line.put("runId", result.runId());
    line.put("stopReason", result.stopReason().wireName());
    line.put("verdict", result.report() == null ? null : result.report().verdict().name());
    line.put("records", result.stats().recordsEmitted());
    line.put("pages", result.stats().pages());
    line.put("requests", result.stats().requests());
    write(line);
  }

  private void write(Map<String, Object> line) {
    try {
      JSON.writeValue(out, line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit log: " + e.getMessage(), e);
    }
  }
}
