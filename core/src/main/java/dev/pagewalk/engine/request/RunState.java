package dev.pagewalk.engine.request;

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
public final class RunState implements Bindings {
  private final Map<String, Object> parameters;
  private final Map<String, Object> connection;
  private final Map<String, Object> state;
  private final String now;
  private final long timestamp;

  /** The walk's own variables ({@code parent}, {@code partition}, {@code stream}); often none. */
  private final Map<String, Object> walk;

  private Map<String, Object> temp = new LinkedHashMap<>();

  private Object body;
  private Map<String, Object> headers;
  private Integer statusCode;
  private Map<String, Object> links;

  /** The page just fetched: {@code {url, method}}. */
  private Map<String, Object> request;

  private Object item;
  private Map<String, Object> iterate;
  private Map<String, Object> pagination;

  public RunState(
      Map<String, Object> parameters,
      Map<String, Object> connection,
      Map<String, Object> state,
      String now,
      long timestamp) {
    this(parameters, connection, state, now, timestamp, Map.of());
  }

  /** As the other constructor, with the variables of a connector's walk in scope too. */
  public RunState(
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
      case "request" -> request;
      case "item" -> item;
      case "iterate" -> iterate;
      case "pagination" -> pagination;
      default -> walk.get(name);
    };
  }

  /** The walk's own variables ({@code parent}, {@code partition}, {@code stream}). */
  public Map<String, Object> walk() {
    return walk;
  }

  /** The run's parameters, as bound from its inputs. */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /** The run's connection values (credentials among them). */
  public Map<String, Object> connection() {
    return connection;
  }

  /** The state the run started from (an input, or a watermark to restart from). */
  public Map<String, Object> state() {
    return state;
  }

  /** The run's start time as expressions see it ({@code now}). */
  public String now() {
    return now;
  }

  /** The run's start time in epoch seconds ({@code timestamp}). */
  public long timestamp() {
    return timestamp;
  }

  /** The pagination variables of the current page; null before paging starts. */
  public Map<String, Object> pagination() {
    return pagination;
  }

  public void pagination(Map<String, Object> values) {
    pagination = values;
  }

  /**
   * The response being read: its body, headers, status and Link header, and the request it answers
   * ({@code {url, method}}); no item yet.
   */
  public void response(
      Object body,
      Map<String, Object> headers,
      int statusCode,
      Map<String, Object> links,
      Map<String, Object> request) {
    this.body = body;
    this.headers = headers;
    this.statusCode = statusCode;
    this.links = links;
    this.request = request;
    this.item = null;
    this.iterate = null;
  }

  /** The request of the page just fetched ({@code request}): its url and method; null before. */
  public Map<String, Object> request() {
    return request;
  }

  /** The decoded body of the response being read. */
  public Object body() {
    return body;
  }

  /** The item of the response being turned into a record ({@code item}). */
  public Object item() {
    return item;
  }

  public void item(Object value) {
    item = value;
  }

  /** The values {@code iterate} exposes once a page's items are known. */
  public void iterate(Map<String, Object> values) {
    iterate = values;
  }

  public Map<String, Object> temp() {
    return Collections.unmodifiableMap(temp);
  }

  public void mergeTemp(Map<String, Object> values) {
    Map<String, Object> next = new LinkedHashMap<>(temp);
    next.putAll(values);
    temp = next;
  }

  public void replaceTemp(Map<String, Object> values) {
    temp = new LinkedHashMap<>(values);
  }

  /** Back to the start of the run, for another walk of the same data. */
  public void resetForWalk() {
    temp = new LinkedHashMap<>();
    pagination = null;
    clearResponse();
  }

  void clearResponse() {
    body = null;
    headers = null;
    statusCode = null;
    links = null;
    request = null;
    item = null;
    iterate = null;
  }
}
