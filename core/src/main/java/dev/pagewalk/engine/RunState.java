package dev.pagewalk.engine;

import dev.pagewalk.expr.Bindings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The per-run values expressions see. Mutable and confined to the run's thread; the plan never
 * holds run state. Paging state ({@code temp}, {@code pagination}) only changes when a page is
 * accepted, so a retry re-sends exactly the same request.
 */
final class RunState implements Bindings {
  final Map<String, Object> parameters;
  final Map<String, Object> connection;
  final Map<String, Object> state;
  final String now;
  final long timestamp;

  /** The walk's own variables ({@code parent}, {@code partition}, {@code stream}); often none. */
  final Map<String, Object> walk;

  private Map<String, Object> temp = new LinkedHashMap<>();

  Object body;
  Map<String, Object> headers;
  Integer statusCode;
  Map<String, Object> links;
  Object item;
  Map<String, Object> iterate;
  Map<String, Object> pagination;

  RunState(
      Map<String, Object> parameters,
      Map<String, Object> connection,
      Map<String, Object> state,
      String now,
      long timestamp) {
    this(parameters, connection, state, now, timestamp, Map.of());
  }

  RunState(
      Map<String, Object> parameters,
      Map<String, Object> connection,
      Map<String, Object> state,
      String now,
      long timestamp,
      Map<String, Object> walk) {
    this.walk = walk;
    this.parameters = Collections.unmodifiableMap(parameters);
    this.connection = Collections.unmodifiableMap(connection);
    this.state = Collections.unmodifiableMap(state);
    this.now = now;
    this.timestamp = timestamp;
  }

  @Override
  public Object variable(String name) {
    return switch (name) {
      case "parameters" -> parameters;
      case "connection" -> connection;
      case "state" -> state;
      case "temp" -> temp;
      case "now" -> now;
      case "timestamp" -> timestamp;
      case "uuid" -> UUID.randomUUID().toString();
      case "body" -> body;
      case "headers" -> headers;
      case "statusCode" -> statusCode == null ? null : Long.valueOf(statusCode);
      case "links" -> links;
      case "item" -> item;
      case "iterate" -> iterate;
      case "pagination" -> pagination;
      default -> walk.get(name);
    };
  }

  Map<String, Object> temp() {
    return Collections.unmodifiableMap(temp);
  }

  void mergeTemp(Map<String, Object> values) {
    Map<String, Object> next = new LinkedHashMap<>(temp);
    next.putAll(values);
    temp = next;
  }

  void replaceTemp(Map<String, Object> values) {
    temp = new LinkedHashMap<>(values);
  }

  /** Back to the start of the run, for another walk of the same data. */
  void resetForWalk() {
    temp = new LinkedHashMap<>();
    pagination = null;
    clearResponse();
  }

  void clearResponse() {
    body = null;
    headers = null;
    statusCode = null;
    links = null;
    item = null;
    iterate = null;
  }
}
