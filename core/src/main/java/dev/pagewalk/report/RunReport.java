package dev.pagewalk.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.pagewalk.ErrorCode;
import dev.pagewalk.StopReason;
import dev.pagewalk.json.JsonConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report every run ends with: what it did, the completeness checks with their evidence, and the
 * verdict. Parameters are shown with secrets masked. Serialises to JSON with {@link #toJson()} in
 * the shape of {@code dev/pagewalk/schema/pagewalk-report-v1.schema.json} (module spec-schema),
 * which describes every field; {@code pagewalk run --report} and {@code pagewalk demo} write this
 * same document. {@link #summary()} is the short human form.
 *
 * @param stopReason why the run stopped ({@link StopReason#wireName()} in JSON)
 * @param failure the failure's message; null when the run did not fail
 * @param errorCode the failure's stable code ({@link ErrorCode#wireName()} in JSON); null when the
 *     run did not fail
 * @param requests {@code total}, {@code initial}, {@code pagination}, {@code retries}
 * @param records {@code received}, {@code emitted}, {@code filtered}, {@code duplicatesDropped}
 * @param waits milliseconds spent in {@code retry}, {@code rateLimit} and {@code delay} waits
 * @param faults failures met, by short name ({@code status 503}, {@code connection-reset}, ...)
 * @param walks one entry per walk when {@code audit.onDrift: rewalk} re-read the data
 * @param limits the caps in force: {@code maxRequests}, {@code maxPaginationRequests}, {@code
 *     maxRecords} (a count or {@code "unlimited"}) and {@code timeout} ({@code 40s} or {@code
 *     "unlimited"})
 * @param watermark an incremental sync's largest {@code {cursor, tieBreaker}} delivered; null
 *     otherwise
 * @param notes what the run wants its operator to know (resumed from a checkpoint, ...)
 * @param caveats what the endpoint is documented to leave out ({@code audit.excludes}): the verdict
 *     speaks for what the endpoint returns, never for these
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "runId",
  "spec",
  "specFile",
  "specHash",
  "parameters",
  "startedAt",
  "endedAt",
  "durationMillis",
  "outcome",
  "stopReason",
  "failure",
  "errorCode",
  "requests",
  "pages",
  "records",
  "bytes",
  "waits",
  "faults",
  "limits",
  "watermark",
  "notes",
  "caveats",
  "checks",
  "verdict",
  "reasons",
  "advice",
  "walks"
})
public record RunReport(
    String runId,
    String spec,
    String specFile,
    String specHash,
    Map<String, Object> parameters,
    String startedAt,
    String endedAt,
    long durationMillis,
    @JsonSerialize(using = ToStringSerializer.class) StopReason stopReason,
    String failure,
    @JsonSerialize(using = ToStringSerializer.class) ErrorCode errorCode,
    Map<String, Long> requests,
    long pages,
    Map<String, Long> records,
    long bytes,
    Map<String, Long> waits,
    Map<String, Long> faults,
    List<Check> checks,
    Verdict verdict,
    List<String> reasons,
    List<String> advice,
    List<Map<String, Object>> walks,
    Map<String, Object> limits,
    Map<String, Object> watermark,
    List<String> notes,
    List<String> caveats) {
  private static final ObjectMapper JSON =
      JsonConfig.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public RunReport {
    checks = List.copyOf(checks);
    reasons = List.copyOf(reasons);
    advice = List.copyOf(advice);
    walks = walks == null ? null : List.copyOf(walks);
    notes = notes == null ? List.of() : List.copyOf(notes);
    caveats = caveats == null ? List.of() : List.copyOf(caveats);
  }

  /**
   * How the stop reason bears on completeness, as in the report: {@code natural}, {@code
   * truncated}, {@code failed} (the lower-cased {@link StopReason.Kind}).
   */
  @JsonProperty("outcome")
  public String outcome() {
    return stopReason.kind().name().toLowerCase(Locale.ROOT);
  }

  /** The check of that name, if the run made it. */
  public java.util.Optional<Check> check(String name) {
    return checks.stream().filter(c -> c.name().wireName().equals(name)).findFirst();
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A few lines for a terminal: verdict, counts, stop reason, caveats, reasons and advice. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(verdict)
        .append(": ")
        .append(spec)
        .append(" — ")
        .append(records.getOrDefault("emitted", 0L))
        .append(" records, ")
        .append(pages)
        .append(" pages, ")
        .append(requests.getOrDefault("total", 0L))
        .append(" requests (")
        .append(requests.getOrDefault("retries", 0L))
        .append(" retries), stop: ")
        .append(stopReason);
    long duplicates = records.getOrDefault("duplicatesDropped", 0L);
    if (duplicates > 0) {
      sb.append(", ").append(duplicates).append(" duplicates dropped");
    }
    for (Check c : checks) {
      if (c.outcome() != Check.Outcome.NOT_APPLICABLE) {
        sb.append("\n  ")
            .append(c.passed() ? "✓ " : "✗ ")
            .append(c.name())
            .append(": ")
            .append(c.summary());
      }
    }
    for (String c : caveats) {
      sb.append("\n  caveat: ").append(c);
    }
    for (String r : reasons) {
      sb.append("\n  reason: ").append(r);
    }
    for (String a : advice) {
      sb.append("\n  advice: ").append(a);
    }
    return sb.toString();
  }
}
