package dev.pagewalk.engine.request;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.expr.Bindings;
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
import java.util.List;
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
  private final Bindings scope;
  private final Redactor redactor;
  private final String baseUrlOverride;
  private final String runId;
  private final String correlationHeader;
  private final Runnable credentialsStripped;
  private final RequestParts requestParts;

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
    this(
        plan,
        state,
        state,
        redactor,
        baseUrlOverride,
        runId,
        correlationHeader,
        credentialsStripped);
  }

  /**
   * As above, with the request templates evaluated over {@code scope}: {@code state} and what the
   * run adds to it ({@code auth.token}).
   */
  public RequestBuilder(
      Plan plan,
      RunState state,
      Bindings scope,
      Redactor redactor,
      String baseUrlOverride,
      String runId,
      String correlationHeader,
      Runnable credentialsStripped) {
    this.plan = plan;
    this.state = state;
    this.scope = scope;
    this.redactor = redactor;
    this.baseUrlOverride = baseUrlOverride;
    this.runId = runId;
    this.correlationHeader = correlationHeader;
    this.credentialsStripped = credentialsStripped;
    this.requestParts = new RequestParts(plan, state);
  }

  public BuiltRequest build(RequestPlan request, PaginationPlan pagination) {
    Bindings s = scope;
    boolean paging = pagination != null;
    String url = text(evaluate(request.url(), s, "url"));
    String homeUrl = url;
    String method = request.method();
    RequestParts.Parts parts = requestParts.evaluate(request, pagination, s);
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
                  + state.pagination().get("page")
                  + "; guard it with a pagination condition");
        }
        url = NextLink.resolve(baseUrl(), Values.toText(next), fetchedUri(state));
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
    RequestParts.Parts control = requestParts.probe(request, pagination, false);
    RequestParts.Parts probe =
        control == null ? null : requestParts.probe(request, pagination, true);
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
      } else if (body != null
          && requestParts.dependsOnConnection(pagination.body(), body, secrets)) {
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
    if (body != null && (BodyEncoder.allowsBody(method) || allowedGetBody(request, method))) {
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
    Bindings s = scope;
    Map<String, Object> fresh = requestParts.headers(request, s);
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

  private static boolean allowedGetBody(RequestPlan request, String method) {
    return request.allowGetBody() && "GET".equals(method);
  }

  private static boolean containsIgnoreCase(Set<String> names, String name) {
    return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
  }

  /** The URL of the page just fetched ({@code request.url}); null before the first. */
  private static URI fetchedUri(RunState s) {
    Object url = s.request() == null ? null : s.request().get("url");
    try {
      return url == null ? null : new URI(url.toString());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
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
    return RequestParts.evaluate(plan, t, s, what);
  }

  private static String text(Object value) {
    return value == null ? "" : Values.toText(value);
  }
}
