package dev.pagewalk.engine.page;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.request.BuiltRequest;
import dev.pagewalk.engine.request.Redactor;
import dev.pagewalk.engine.request.RunState;
import dev.pagewalk.engine.send.Statuses;
import dev.pagewalk.expr.EvaluationException;
import dev.pagewalk.expr.Template;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.HttpResponse;
import dev.pagewalk.http.LinkHeader;
import dev.pagewalk.http.Parsed;
import dev.pagewalk.http.Redaction;
import dev.pagewalk.http.ResponseDecoder;
import dev.pagewalk.http.StreamParser;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.ResponsePlan;
import dev.pagewalk.spi.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a response, exposes it to expressions ({@code body}, {@code headers}, {@code statusCode},
 * {@code links}) and decides whether it is valid; an invalid one becomes an error naming the spec,
 * the request and the status, with the spec's own message.
 */
public final class ResponseReader {
  private static final ResponseDecoder DECODER = ResponseDecoder.defaults();
  private final Plan spec;
  private final RunState state;
  private final Redactor redactor;
  private final Statuses statuses;
  private final Map<ResponsePlan, KeyProbe.Decoding> decodings = new java.util.IdentityHashMap<>();

  /** The responses whose last page's items were mostly not canonical: decoded whole. */
  private final Set<ResponsePlan> wholeItems =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  public ResponseReader(Plan spec, RunState state, Redactor redactor, Statuses statuses) {
    this.spec = spec;
    this.state = state;
    this.redactor = redactor;
    this.statuses = statuses;
  }

  /**
   * Parses a successful UTF-8 JSON response as it arrives, into the plan's body shape; safe to use
   * on another thread (read-ahead): it reads nothing of the run but the immutable plan.
   */
  public StreamParser streamParser(ResponsePlan plan) {
    dev.pagewalk.http.Shape shape = shape(plan);
    return new StreamParser() {
      @Override
      public boolean wants(int status, Headers headers) {
        return statuses.parsedOnArrival(status) && ResponseDecoder.isUtf8Json(plan.type(), headers);
      }

      @Override
      public Object parse(java.io.InputStream body) throws IOException {
        return DECODER.decodeStream(body, shape);
      }
    };
  }

  public Decoded decode(Parsed parsed, ResponsePlan plan) throws IOException {
    HttpResponse response = parsed.response();
    Object body =
        parsed.parsed() ? parsed.value() : DECODER.decode(response, plan.type(), shape(plan));
    if (plan.output() == null) {
      KeyProbe.Decoding decoding = decoding(plan);
      try {
        keepItemJson(plan, body, response.body(), decoding.items());
      } catch (IOException e) { // a record decoded whole from its bytes went over a decode limit
        body = DECODER.decode(response, plan.type(), decoding.whole());
        keepItemJson(plan, body, response.body(), decoding.items());
      }
    }
    Map<String, Object> links =
        new LinkedHashMap<>(LinkHeader.parse(response.headers().all("Link"), response.uri()));
    return new Decoded(response, body, response.headers().toLowerCaseMap(), links);
  }

  /**
   * How the next body of {@code plan} is decoded: its records kept as sent, unless most items of
   * its last page were not in the form they are written in, when decoding each in part and again
   * whole from its bytes would cost more than decoding it whole at once.
   */
  private dev.pagewalk.http.Shape shape(ResponsePlan plan) {
    KeyProbe.Decoding decoding = decoding(plan);
    return wholeItems.contains(plan) ? decoding.whole() : decoding.shape();
  }

  /**
   * With the item as the output, keeps each item's JSON as sent where it is already in the form it
   * would be written in, and makes the records of items kept as sent; notes whether most items were
   * canonical, for the next page's decoding.
   */
  private void keepItemJson(ResponsePlan plan, Object body, byte[] bytes, List<String> items)
      throws IOException {
    if (items == null) {
      return;
    }
    Object at = body;
    for (String name : items) {
      at = at instanceof Map<?, ?> m ? m.get(name) : null;
    }
    if (at instanceof dev.pagewalk.http.ProbedList probed) {
      int canonical = probed.keepCanonical(bytes);
      if (canonical * 2 >= probed.size()) {
        wholeItems.remove(plan);
      } else {
        wholeItems.add(plan);
      }
    }
  }

  /** How {@code plan}'s body is decoded: its shape, with the key probe when there is one. */
  KeyProbe.Decoding decoding(ResponsePlan plan) {
    return decodings.computeIfAbsent(plan, KeyProbe::decoding);
  }

  /** Makes the response visible to expressions, then checks {@code valid} and the status. */
  public void expose(Decoded d, ResponsePlan plan, BuiltRequest request) {
    state.response(
        d.body(),
        d.headers(),
        d.http().status(),
        d.links(),
        Map.of("url", request.http().uri().toString(), "method", request.http().method()));
    int status = d.http().status();
    boolean valid = statuses.accepted(status);
    if (valid && plan.valid() != null) {
      valid = Values.truthy(evaluate(plan.valid(), "response.valid"));
    }
    if (!valid) {
      throw new RunStop(StopReason.ERROR, failure(d, plan, request));
    }
  }

  private HttpFailureException failure(Decoded d, ResponsePlan plan, BuiltRequest request) {
    int status = d.http().status();
    Template message = plan.statusMessages().getOrDefault(status, plan.errorMessage());
    String text = null;
    if (message != null) {
      try {
        Object v = message.evaluate(state);
        text = v == null ? null : Values.toText(v);
      } catch (EvaluationException e) {
        text = "(error.message failed: " + e.getMessage() + ")";
      }
    }
    if (text == null || text.isEmpty()) {
      text = snippet(d.http().body());
    }
    String reason =
        d.http().reason() == null || d.http().reason().isEmpty() ? "" : " " + d.http().reason();
    String what =
        statuses.accepted(status)
            ? "returned an invalid response (" + status + ")"
            : "returned " + status + reason;
    String shown =
        dev.pagewalk.http.SecretForms.of(sanitizedValues(d.body())).mask(redactor.text(text));
    return new HttpFailureException(
        spec.name() + ": " + request.display() + " " + what + (shown.isEmpty() ? "" : ": " + shown),
        status,
        null);
  }

  /** The values at {@code log.sanitize: [response.body.PATH]} paths, to be masked in messages. */
  private java.util.List<String> sanitizedValues(Object body) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (dev.pagewalk.plan.RequestPlan r : spec.requests()) {
      for (String path : r.sanitize()) {
        if (!path.startsWith("response.body.")) {
          continue;
        }
        Object v = body;
        for (String part : path.substring("response.body.".length()).split("\\.")) {
          v = v instanceof Map<?, ?> m ? m.get(part) : null;
        }
        if (v != null && !(v instanceof Map) && !(v instanceof java.util.List)) {
          String text = Values.toText(v);
          if (Redaction.maskable(text)) {
            out.add(text);
          }
        }
      }
    }
    return out;
  }

  private static String snippet(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
    return s.replaceAll("\\s+", " ") + (body.length > 300 ? "..." : "");
  }

  public Object evaluate(Template t, String where) {
    try {
      return t.evaluate(state);
    } catch (EvaluationException e) {
      throw new RunStop(
          e.pastDeadline() ? StopReason.TIMEOUT : StopReason.ERROR,
          new RunFailureException(
              e.pastDeadline() ? ErrorCode.TIMEOUT : ErrorCode.EXPRESSION,
              e.reported(spec.name(), where),
              e));
    }
  }
}
