package dev.pagewalk.engine.request;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.expr.Bindings;
import dev.pagewalk.expr.EvaluationException;
import dev.pagewalk.expr.Template;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.BodyEncoder;
import dev.pagewalk.http.EncodedBody;
import dev.pagewalk.http.UrlBuilder;
import dev.pagewalk.plan.PaginationPlan;
import dev.pagewalk.plan.Plan;
import dev.pagewalk.plan.RequestPlan;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import dev.pagewalk.state.NextRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a request spec (and, for page 2 on, its pagination block) into an HTTP request: url,
 * method and body are replaced by the pagination block; qs and headers are merged into the
 * request's when {@code mergeWithParent}, used alone otherwise; base headers go under all.
 *
 * <p>Credentials never follow a next page to another origin: when a pagination request's URL has a
 * scheme, host or port other than the base URL's (the run's override, else the spec's, else the
 * request's own URL), Authorization, Proxy-Authorization, Cookie, every header or query value that
 * depends on a connection value, and the body inherited from the request are dropped, and {@code
 * credentialsStripped} is counted. A body the pagination block sets itself is sent there only when
 * no connection value flows into it; otherwise the request is refused ({@link
 * ErrorCode#CREDENTIAL_LEAK}). See {@link CrossOrigin} for how "depends on" is decided. The names
 * of the headers and query parameters that depend on a connection value go with the request, so
 * that a redirect to another origin drops them too.
 */
public final class RequestBuilder {
  private final Plan plan;
  private final RunState state;
  private final Redactor redactor;
  private final String baseUrlOverride;
  private final String runId;
  private final String correlationHeader;
  private final Runnable credentialsStripped;

  /**
   * Builds the requests of a run of {@code plan} from {@code state}; {@code baseUrlOverride} is the
   * run's own base URL (null for the spec's), {@code correlationHeader} carries {@code runId} on
   * every request (null for none), and {@code credentialsStripped} counts each request credentials
   * were stripped from.
   */
  public RequestBuilder(
      Plan plan,
      RunState state,
      Redactor redactor,
      String baseUrlOverride,
      String runId,
      String correlationHeader,
      Runnable credentialsStripped) {
    this.plan = plan;
    this.state = state;
    this.redactor = redactor;
    this.baseUrlOverride = baseUrlOverride;
    this.runId = runId;
    this.correlationHeader = correlationHeader;
    this.credentialsStripped = credentialsStripped;
  }

  public BuiltRequest build(RequestPlan request, PaginationPlan pagination) {
    RunState s = state;
    boolean paging = pagination != null;
    String url = text(evaluate(request.url(), s, "url"));
    String homeUrl = url;
    String method = request.method();
    Parts parts = parts(request, pagination, s);
    Map<String, Object> qs = parts.qs();
    Map<String, Object> headers = parts.headers();
    Object body = request.body() == null ? null : evaluate(request.body(), s, "body");
    boolean pageBody = false;
    if (paging) {
      if (pagination.url() != null) {
        Object next = evaluate(pagination.url(), s, "pagination.url");
        if (next == null || Values.toText(next).isEmpty()) {
          throw new RunFailureException(
              plan.name()
                  + ": pagination.url evaluated to nothing on page "
                  + s.pagination().get("page")
                  + "; guard it with a pagination condition");
        }
        url = Values.toText(next);
      }
      if (pagination.method() != null) {
        method = pagination.method();
      }
      if (pagination.body() != null) {
        body = evaluate(pagination.body(), s, "pagination.body");
        pageBody = true;
      }
    }
    String base = baseUrl();
    URI uri;
    try {
      uri =
          UrlBuilder.build(
              base,
              QueryOverride.without(url, qs.keySet()),
              qs,
              request.encodeUrl(),
              Values::toText);
    } catch (IllegalArgumentException e) {
      throw new RunFailureException(plan.name() + ": " + e.getMessage(), e);
    }
    Parts control = probeParts(request, pagination, false);
    Parts probe = control == null ? null : probeParts(request, pagination, true);
    List<String> secrets = CrossOrigin.texts(state.connection());
    Set<String> credentialHeaders =
        CrossOrigin.connectionDependent(
            headers,
            control == null ? null : control.headers(),
            probe == null ? null : probe.headers(),
            secrets);
    Set<String> credentialQuery =
        CrossOrigin.connectionDependent(
            qs, control == null ? null : control.qs(), probe == null ? null : probe.qs(), secrets);
    if (paging && CrossOrigin.leaves(home(base, homeUrl, request), uri)) {
      int before = headers.size() + qs.size();
      headers
          .keySet()
          .removeIf(
              k -> CrossOrigin.isCredentialHeader(k) || containsIgnoreCase(credentialHeaders, k));
      qs.keySet().removeAll(credentialQuery);
      boolean bodyDropped = body != null && !pageBody;
      if (bodyDropped) {
        body = null;
      } else if (body != null && dependsOnConnection(pagination.body(), body, secrets)) {
        throw new RunFailureException(
            ErrorCode.CREDENTIAL_LEAK,
            plan.name()
                + ": pagination.body depends on a connection value and the next page "
                + redactor.uri(uri)
                + " is on another origin than "
                + redactedHome(base, homeUrl, request)
                + "; refused to send it there");
      }
      boolean stripped = headers.size() + qs.size() < before;
      if (stripped || bodyDropped) {
        credentialsStripped.run();
      }
      if (stripped) {
        try {
          uri =
              UrlBuilder.build(
                  base,
                  QueryOverride.without(url, qs.keySet()),
                  qs,
                  request.encodeUrl(),
                  Values::toText);
        } catch (IllegalArgumentException e) {
          throw new RunFailureException(plan.name() + ": " + e.getMessage(), e);
        }
      }
    }
    byte[] bytes = null;
    if (body != null && BodyEncoder.allowsBody(method)) {
      EncodedBody encoded;
      try {
        encoded = BodyEncoder.encode(body, request.bodyType(), Values::toText).orElse(null);
      } catch (IllegalArgumentException e) {
        throw new RunFailureException(plan.name() + ": body: " + e.getMessage(), e);
      }
      if (encoded != null) {
        bytes = encoded.bytes();
        if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
          headers.put("Content-Type", encoded.contentType());
        }
      }
    }
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    headers.forEach((k, v) -> fields.add(Map.entry(k, Values.toText(v))));
    if (correlationHeader != null) {
      fields.add(Map.entry(correlationHeader, runId));
    }
    HttpRequest http = new HttpRequest(method, uri, Headers.of(fields), bytes);
    return new BuiltRequest(
        http, method + " " + redactor.uri(uri), paging, credentialHeaders, credentialQuery);
  }

  /** The request a checkpoint saved, with secrets put back and credential headers recomputed. */
  public BuiltRequest rebuild(RequestPlan request, NextRequest next, SecretPlaceholders secrets) {
    RunState s = state;
    Map<String, Object> fresh = new LinkedHashMap<>();
    putAll(fresh, map(evaluate(plan.headers(), s, "headers")));
    putAll(fresh, map(evaluate(request.headers(), s, "headers")));
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    next.headers().forEach((k, v) -> fields.add(Map.entry(k, v)));
    for (String name : next.recompute()) {
      fresh.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && e.getValue() != null)
          .findFirst()
          .ifPresent(e -> fields.add(Map.entry(e.getKey(), Values.toText(e.getValue()))));
    }
    URI uri =
        URI.create(
            next.url().startsWith(NextRequest.BASE_URL)
                ? baseUrl() + secrets.reveal(next.url().substring(NextRequest.BASE_URL.length()))
                : secrets.reveal(next.url()));
    byte[] body =
        next.bodyBase64() == null
            ? null
            : secrets
                .reveal(
                    new String(
                        java.util.Base64.getDecoder().decode(next.bodyBase64()),
                        java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest http = new HttpRequest(next.method(), uri, Headers.of(fields), body);
    return new BuiltRequest(
        http, next.method() + " " + redactor.uri(uri), true, Set.copyOf(next.recompute()));
  }

  /** The evaluated query and headers of a request (and its pagination block, page 2 on). */
  private record Parts(Map<String, Object> qs, Map<String, Object> headers) {}

  private Parts parts(RequestPlan request, PaginationPlan pagination, Bindings s) {
    Map<String, Object> qs = map(evaluate(request.qs(), s, "qs"));
    Map<String, Object> headers = new LinkedHashMap<>();
    putAll(headers, map(evaluate(plan.headers(), s, "headers")));
    if (pagination != null) {
      Map<String, Object> pageQs = map(evaluate(pagination.qs(), s, "pagination.qs"));
      Map<String, Object> pageHeaders =
          map(evaluate(pagination.headers(), s, "pagination.headers"));
      if (pagination.mergeWithParent()) {
        putAll(headers, map(evaluate(request.headers(), s, "headers")));
        qs.putAll(pageQs);
        putAll(headers, pageHeaders);
      } else {
        qs = pageQs;
        putAll(headers, pageHeaders);
      }
    } else {
      putAll(headers, map(evaluate(request.headers(), s, "headers")));
    }
    return new Parts(qs, headers);
  }

  /**
   * The query and headers evaluated once more, with {@code uuid} fixed and, when {@code perturbed},
   * every connection value changed (same type): whatever differs between the control and the
   * perturbed evaluation depends on a connection value, however the template transforms it (base64,
   * concatenation, a function). Null when an evaluation fails.
   */
  private Parts probeParts(RequestPlan request, PaginationPlan pagination, boolean perturbed) {
    if (state.connection().isEmpty()) {
      return null;
    }
    try {
      return parts(request, pagination, probe(perturbed));
    } catch (RuntimeException e) {
      return null;
    }
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
   * Whether {@code value}, evaluated from {@code template}, depends on a connection value: it
   * contains one, or evaluating it with the connection values changed changes it. An evaluation
   * that fails under the probe counts as depending on them (it cannot be shown not to).
   */
  private boolean dependsOnConnection(Template template, Object value, List<String> secrets) {
    String text = Values.toText(value);
    if (secrets.stream().anyMatch(text::contains)) {
      return true;
    }
    if (state.connection().isEmpty()) {
      return false;
    }
    try {
      return !java.util.Objects.equals(
          template.evaluate(probe(false)), template.evaluate(probe(true)));
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** The origin credentials belong to: the base URL (or the request's own URL without one). */
  private URI home(String base, String homeUrl, RequestPlan request) {
    try {
      return UrlBuilder.build(base, homeUrl, Map.of(), request.encodeUrl(), Values::toText);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The home origin for a message: {@code scheme://host[:port]}. */
  private String redactedHome(String base, String homeUrl, RequestPlan request) {
    URI home = home(base, homeUrl, request);
    return home == null || home.getHost() == null
        ? "the base URL's"
        : home.getScheme()
            + "://"
            + home.getHost()
            + (home.getPort() < 0 ? "" : ":" + home.getPort());
  }

  private static boolean containsIgnoreCase(Set<String> names, String name) {
    return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
  }

  /** The run's base URL: the override, or the spec's (evaluated: it may use connection values). */
  String baseUrl() {
    if (baseUrlOverride != null) {
      return baseUrlOverride;
    }
    Object v = evaluate(plan.baseUrlTemplate(), state, "baseUrl");
    return v == null ? null : Values.toText(v);
  }

  private Object evaluate(Template t, Bindings s, String what) {
    if (t == null) {
      return null;
    }
    try {
      return t.evaluate(s);
    } catch (EvaluationException e) {
      throw new RunFailureException(ErrorCode.EXPRESSION, e.reported(plan.name(), what), e);
    }
  }

  private static String text(Object value) {
    return value == null ? "" : Values.toText(value);
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
