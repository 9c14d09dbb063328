package dev.pagewalk.engine.request;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.expr.Bindings;
import dev.pagewalk.expr.EvaluationException;
import dev.pagewalk.expr.Template;
import dev.pagewalk.expr.Values;
import dev.pagewalk.plan.PaginationPlan;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.RequestPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The query and headers of a request (and its pagination block, page 2 on), evaluated, and which of
 * them — or of a body — depend on a connection value: evaluated once more with {@code uuid} fixed
 * and once with every connection value changed (same type), whatever differs depends on a
 * connection value, however the template transforms it (base64, concatenation, a function).
 */
final class RequestParts {
  /** The evaluated query and headers. */
  record Parts(Map<String, Object> qs, Map<String, Object> headers) {}

  private final Plan plan;
  private final RunState state;

  RequestParts(Plan plan, RunState state) {
    this.plan = plan;
    this.state = state;
  }

  /**
   * The query and headers over {@code s}: base headers under the request's; with {@code
   * pagination}, its query and headers merged into the request's ({@code mergeWithParent}) or used
   * alone, and its removed names taken out.
   */
  Parts evaluate(RequestPlan request, PaginationPlan pagination, Bindings s) {
    Map<String, Object> qs = map(evaluate(plan, request.qs(), s, "qs"));
    Map<String, Object> headers = new LinkedHashMap<>();
    putAll(headers, map(evaluate(plan, plan.headers(), s, "headers")));
    if (pagination != null) {
      Map<String, Object> pageQs = map(evaluate(plan, pagination.qs(), s, "pagination.qs"));
      Map<String, Object> pageHeaders =
          map(evaluate(plan, pagination.headers(), s, "pagination.headers"));
      if (pagination.mergeWithParent()) {
        putAll(headers, map(evaluate(plan, request.headers(), s, "headers")));
        qs.putAll(pageQs);
        putAll(headers, pageHeaders);
      } else {
        qs = pageQs;
        putAll(headers, pageHeaders);
      }
      qs.keySet().removeAll(pagination.removedQs());
      for (String removed : pagination.removedHeaders()) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(removed));
      }
    } else {
      putAll(headers, map(evaluate(plan, request.headers(), s, "headers")));
    }
    return new Parts(qs, headers);
  }

  /**
   * The query and headers evaluated with {@code uuid} fixed and, when {@code perturbed}, every
   * connection value changed; null without connection values or when an evaluation fails.
   */
  Parts probe(RequestPlan request, PaginationPlan pagination, boolean perturbed) {
    if (state.connection().isEmpty()) {
      return null;
    }
    try {
      return evaluate(request, pagination, probe(perturbed));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether {@code value}, evaluated from {@code template}, depends on a connection value: it
   * contains one, or evaluating it with the connection values changed changes it. An evaluation
   * that fails under the probe counts as depending on them (it cannot be shown not to).
   */
  boolean dependsOnConnection(Template template, Object value, List<String> secrets) {
    String text = Values.toText(value);
    if (secrets.stream().anyMatch(text::contains)) {
      return true;
    }
    if (state.connection().isEmpty()) {
      return false;
    }
    try {
      return !Objects.equals(template.evaluate(probe(false)), template.evaluate(probe(true)));
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** The headers a checkpoint recomputes: base headers under the request's. */
  Map<String, Object> headers(RequestPlan request, Bindings s) {
    Map<String, Object> fresh = new LinkedHashMap<>();
    putAll(fresh, map(evaluate(plan, plan.headers(), s, "headers")));
    putAll(fresh, map(evaluate(plan, request.headers(), s, "headers")));
    return fresh;
  }

  /**
   * The run's bindings with {@code uuid} fixed and, when {@code perturbed}, every connection value
   * changed.
   */
  private Bindings probe(boolean perturbed) {
    Map<String, Object> connection =
        perturbed ? CrossOrigin.perturb(state.connection()) : state.connection();
    return name ->
        switch (name) {
          case "connection" -> connection;
          case "uuid" -> "00000000-0000-4000-8000-000000000000";
          default -> state.variable(name);
        };
  }

  /**
   * {@code t} over {@code s} (null for no template); a failure names the spec and {@code what},
   * coded {@link ErrorCode#TIMEOUT} past the evaluation deadline, else {@link
   * ErrorCode#EXPRESSION}.
   */
  static Object evaluate(Plan plan, Template t, Bindings s, String what) {
    if (t == null) {
      return null;
    }
    try {
      return t.evaluate(s);
    } catch (EvaluationException e) {
      throw new RunFailureException(
          e.pastDeadline() ? ErrorCode.TIMEOUT : ErrorCode.EXPRESSION,
          e.reported(plan.name(), what),
          e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m)
        : new LinkedHashMap<>();
  }

  /** Header names are case-insensitive: a later spelling replaces an earlier one. */
  private static void putAll(Map<String, Object> headers, Map<String, Object> more) {
    for (Map.Entry<String, Object> e : more.entrySet()) {
      String lower = e.getKey().toLowerCase(Locale.ROOT);
      headers.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).equals(lower));
      headers.put(e.getKey(), e.getValue());
    }
  }
}
