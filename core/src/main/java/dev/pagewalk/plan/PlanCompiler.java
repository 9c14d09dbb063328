package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.Diagnostic;
import dev.pagewalk.SpecException;
import dev.pagewalk.expr.ExpressionCompiler;
import dev.pagewalk.expr.ExpressionException;
import dev.pagewalk.expr.Scope;
import dev.pagewalk.expr.SourceLocation;
import dev.pagewalk.expr.Template;
import dev.pagewalk.http.BodyType;
import dev.pagewalk.spec.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a validated {@link SpecDocument} into a {@link Plan}: compiles every template in the scope
 * of its place and checks what the schema cannot (chain rules, regexes). Collects every problem
 * before failing, so an author sees all of them at once.
 */
public final class PlanCompiler {
  private static final String GET_BODY =
      "a GET request with a body: most servers and proxies ignore or refuse it";

  private static final ExpressionCompiler EXPRESSIONS = new ExpressionCompiler();

  private final SpecDocument doc;
  private final List<Diagnostic> problems = new ArrayList<>();

  /** Every template compiled for this plan, to work out what of a response it reads. */
  private final List<Template> compiled = new ArrayList<>();

  /** The names declared under parameters and connection: the only members those may read. */
  private final Map<String, java.util.Set<String>> declaredInputs;

  /** The variables a stream adds to every scope while it is compiled ({@code parent}, ...). */
  private java.util.Set<String> streamVariables = java.util.Set.of();

  private PlanCompiler(SpecDocument doc) {
    this.doc = doc;
    this.declaredInputs = declaredInputs(doc.tree());
  }

  /**
   * Compiles the spec: a {@link Plan} for a spec with a top-level {@code request}/{@code requests},
   * a {@link Connector} for one with {@code streams}.
   */
  public static dev.pagewalk.Plan compile(SpecDocument doc) {
    PlanCompiler compiler = new PlanCompiler(doc);
    if (doc.tree().has("streams")) {
      Connector connector = StreamCompiler.compile(compiler, doc);
      compiler.failOnProblems();
      return connector;
    }
    Plan plan = compiler.plan("", doc.tree().path("name").asText());
    compiler.failOnProblems();
    return BodyShapes.apply(plan, compiler.compiled);
  }

  private void failOnProblems() {
    if (!problems.isEmpty()) {
      // a connector compiles its shared keys once per stream: each problem is told once
      List<Diagnostic> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
      sorted.sort(
          java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
      throw new SpecException(sorted);
    }
  }

  /**
   * The plan of the stream at {@code at} ({@code ""}: the spec's own request), named {@code name},
   * where expressions may also use {@code variables}; its shape is worked out from the templates
   * compiled for it alone.
   */
  Plan streamPlan(String at, String name, java.util.Set<String> variables) {
    this.streamVariables = java.util.Set.copyOf(variables);
    int first = compiled.size();
    Plan plan = plan(at, name);
    this.streamVariables = java.util.Set.of();
    return BodyShapes.apply(plan, List.copyOf(compiled.subList(first, compiled.size())));
  }

  /** Compiles the template at {@code pointer} in {@code scope} (null when absent or broken). */
  Template compileAt(String pointer, Scope scope) {
    return template(pointer, scope);
  }

  /** Records a problem at {@code pointer}. */
  void report(String pointer, String message, String hint) {
    problem(pointer, message, hint);
  }

  private Plan plan(String at, String name) {
    JsonNode root = doc.tree();
    JsonNode stream = root.at(at);
    List<RequestPlan> requests = new ArrayList<>();
    if (stream.has("request")) {
      requests.add(request(at + "/request", true));
    } else {
      JsonNode list = stream.path("requests");
      for (int i = 0; i < list.size(); i++) {
        requests.add(request(at + "/requests/" + i, i == list.size() - 1));
      }
    }
    if (root.path("retry").has("restartWalk")
        && !requests.isEmpty()
        && requests.get(requests.size() - 1).response().key() == null) {
      problem(
          "/retry/restartWalk",
          "restarting a walk needs response.key: it is how records delivered before the restart"
              + " are known and not delivered again",
          null);
    }
    return new Plan(
        name,
        text(root, "title"),
        text(root, "description"),
        doc.fileName(),
        new ContentHash(doc::contentHash),
        text(root, "baseUrl"),
        ParamReader.read(doc, "/parameters", problems),
        ParamReader.read(doc, "/connection", problems),
        template("/headers", Scopes.request("headers")),
        RunBlocks.limits(root.path("limits")),
        RetryReader.read(root.path("retry")),
        requests,
        audit(at, stream.path("audit")),
        sync(at, stream.path("sync")),
        RunBlocks.rateLimit(root.path("rateLimit")),
        RunBlocks.network(root.path("network")),
        template("/baseUrl", new Scope("baseUrl", java.util.Set.of("parameters", "connection"))),
        new AuthReader(
                root.path("auth"),
                this::template,
                this::defaultApply,
                (where, why) -> problem(where, why, null))
            .read());
  }

  private AuditPlan audit(String base, JsonNode node) {
    if (node.isMissingNode()) {
      return AuditPlan.NONE;
    }
    return new AuditPlan(
        template(base + "/audit/total", Scopes.response("audit.total")),
        template(base + "/audit/sequentialId", Scopes.item("audit.sequentialId")),
        AuditPlan.OnDrift.fromWireName(node.path("onDrift").asText("report")),
        node.path("maxWalks").asInt(3),
        texts(node.path("excludes")));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private SyncPlan sync(String base, JsonNode node) {
    if (node.isMissingNode()) {
      return SyncPlan.NONE;
    }
    List<String> fields = new ArrayList<>();
    List<Template> order = new ArrayList<>();
    JsonNode list = node.path("order");
    for (int i = 0; i < list.size(); i++) {
      String field = list.get(i).asText();
      fields.add(field);
      try {
        String at = base + "/sync/order/" + i;
        order.add(
            recorded(
                EXPRESSIONS.compile(
                    "{{item." + field + "}}",
                    declared(Scopes.item("sync.order")),
                    (relative, offset) -> location(at, 0))));
      } catch (ExpressionException e) {
        problem(
            base + "/sync/order/" + i,
            "sync.order entries are field paths of a record, like"
                + " updated_at or meta.id: "
                + e.getMessage(),
            null);
      }
    }
    java.util.Set<Integer> expired = new java.util.HashSet<>();
    node.path("expiredCursorStatuses").forEach(n -> expired.add(n.asInt()));
    return new SyncPlan(
        fields,
        order,
        !"best-effort".equals(node.path("orderEnforcement").asText("strict")),
        template(base + "/sync/incremental/cursor", Scopes.item("sync.incremental.cursor")),
        template(base + "/sync/incremental/tieBreaker", Scopes.item("sync.incremental.tieBreaker")),
        expired.isEmpty() ? SyncPlan.NONE.expiredCursorStatuses() : expired);
  }

  private RequestPlan request(String at, boolean last) {
    JsonNode node = doc.tree().at(at);
    PagingReader paging = new PagingReader(this::template);
    PaginationPlan pagination = paging.pagination(at + "/pagination", node.path("pagination"));
    RepeatPlan repeat = paging.repeat(at + "/repeat", node.path("repeat"));
    if (pagination != null && !last) {
      problem(at + "/pagination", "only the last request of a chain may paginate", null);
    }
    if (pagination != null && repeat != null) {
      problem(at + "/repeat", "a request cannot both repeat and paginate", null);
    }
    List<String> sanitize = new ArrayList<>();
    node.path("log").path("sanitize").forEach(n -> sanitize.add(n.asText()));
    boolean allowGetBody = node.path("allowGetBody").asBoolean(false);
    String method = node.path("method").asText("GET").toUpperCase(Locale.ROOT);
    if (!allowGetBody) {
      getBody(at, method, node.has("body"), node.path("pagination"));
    }
    ResponsePlan response = response(at + "/response", node.path("response"));
    if (pagination != null && pagination.requestMayRepeat() && response.key() == null) {
      problem(
          at + "/pagination/requestMayRepeat",
          "pagination.requestMayRepeat needs response.key: with the request allowed to repeat,"
              + " the loop guard tells a new batch from one served again by its keys",
          null);
    }
    return new RequestPlan(
        at,
        template(at + "/url", Scopes.request("request.url")),
        node.path("method").asText("GET").toUpperCase(Locale.ROOT),
        template(at + "/qs", Scopes.request("request.qs")),
        template(at + "/headers", Scopes.request("request.headers")),
        template(at + "/body", Scopes.request("request.body")),
        BodyType.of(node.path("type").asText("json")),
        node.path("encodeUrl").asBoolean(true),
        template(at + "/temp", Scopes.request("request.temp")),
        template(at + "/condition", Scopes.request("request.condition")),
        response,
        pagination,
        repeat,
        sanitize,
        allowGetBody);
  }

  /** A GET (the request's, or the pagination block's) with a body, without allowGetBody. */
  private void getBody(String at, String method, boolean hasBody, JsonNode pagination) {
    String pageMethod =
        pagination.has("method")
            ? pagination.get("method").asText().toUpperCase(Locale.ROOT)
            : method;
    if ("GET".equals(method) && hasBody) {
      problem(at + "/body", GET_BODY, "set allowGetBody: true if the API reads a GET's body");
    } else if ("GET".equals(pageMethod) && (hasBody || pagination.has("body"))) {
      problem(
          at + "/pagination" + (pagination.has("body") ? "/body" : "/method"),
          GET_BODY,
          "set allowGetBody: true if the API reads a GET's body");
    }
  }

  private ResponsePlan response(String at, JsonNode node) {
    if (node.isMissingNode()) {
      return ResponsePlan.DEFAULTS;
    }
    if ("xml".equals(node.path("type").asText())) {
      problem(
          at + "/type",
          "response type xml is reserved for a later version; use text and"
              + " parse it in expressions, or json",
          null);
    }
    Map<Integer, Template> perStatus = new LinkedHashMap<>();
    JsonNode error = node.path("error");
    error
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.matches("[1-5][0-9][0-9]")) {
                Template t =
                    template(at + "/error/" + name + "/message", Scopes.response("response.error"));
                if (t != null) {
                  perStatus.put(Integer.parseInt(name), t);
                }
              }
            });
    JsonNode iterate = node.path("iterate");
    String iteratePointer = iterate.isObject() ? at + "/iterate/container" : at + "/iterate";
    return new ResponsePlan(
        dev.pagewalk.http.ResponseType.of(node.path("type").asText("automatic")),
        template(at + "/valid", Scopes.response("response.valid")),
        template(at + "/error/message", Scopes.response("response.error")),
        perStatus,
        template(iteratePointer, Scopes.response("response.iterate")),
        template(at + "/iterate/condition", Scopes.item("response.iterate.condition")),
        template(at + "/output", Scopes.item("response.output")),
        template(at + "/key", Scopes.item("response.key")),
        "skip".equals(node.path("onMissingKey").asText()),
        template(at + "/limit", Scopes.response("response.limit")),
        template(at + "/temp", Scopes.afterIterate("response.temp")),
        null);
  }

  private Template template(String pointer, Scope scope) {
    if (doc.tree().at(pointer).isMissingNode()) {
      return null;
    }
    try {
      return recorded(
          EXPRESSIONS.compile(
              doc.plain(pointer),
              declared(scope),
              (relative, offset) -> location(pointer + relative, offset)));
    } catch (ExpressionException e) {
      problems.add(
          doc.diagnostic(pointer + e.relativePointer(), e.offset(), e.getMessage(), e.hint()));
      return null;
    }
  }

  /** The default {@code auth.apply}, compiled as if written at {@code pointer}. */
  private Template defaultApply(String pointer, Scope scope) {
    try {
      return recorded(
          EXPRESSIONS.compile(
              Map.of(AuthReader.DEFAULT_HEADER, AuthReader.DEFAULT_VALUE),
              declared(scope),
              (relative, offset) -> location(pointer, 0)));
    } catch (ExpressionException e) {
      throw new IllegalStateException("the default auth.apply does not compile", e);
    }
  }

  /**
   * Where the string at {@code pointer} has its character {@code offset}: runtime errors name it.
   */
  private SourceLocation location(String pointer, int offset) {
    Diagnostic d = doc.diagnostic(pointer, offset, "", null);
    return new SourceLocation(d.file(), d.line(), d.column(), pointer);
  }

  /**
   * The scope where {@code parameters.X} and {@code connection.X} must name a declared input: an
   * undeclared one is always null at run time (a run refuses undeclared inputs), so a reference to
   * it is a typo.
   */
  private Scope declared(Scope scope) {
    boolean tokens = doc.tree().has("auth") && !doc.tree().path("auth").has("aws");
    if (scope.allows("auth") && !tokens) {
      java.util.Set<String> without = new java.util.HashSet<>(scope.variables());
      without.remove("auth"); // auth.token exists only where an auth block fetches tokens
      scope = new Scope(scope.place(), without, scope.declared());
    }
    if (!streamVariables.isEmpty()) {
      java.util.Set<String> more = new java.util.HashSet<>(scope.variables());
      more.addAll(streamVariables);
      scope = new Scope(scope.place(), more, scope.declared());
    }
    for (Map.Entry<String, java.util.Set<String>> input : declaredInputs.entrySet()) {
      if (scope.allows(input.getKey())) {
        scope = scope.declaring(input.getKey(), input.getValue());
      }
    }
    return scope;
  }

  private static Map<String, java.util.Set<String>> declaredInputs(JsonNode root) {
    Map<String, java.util.Set<String>> inputs = new LinkedHashMap<>();
    for (String variable : List.of("parameters", "connection")) {
      java.util.Set<String> names = new java.util.HashSet<>();
      root.path(variable).fieldNames().forEachRemaining(names::add);
      inputs.put(variable, names);
    }
    return inputs;
  }

  private Template recorded(Template t) {
    compiled.add(t);
    return t;
  }

  private void problem(String pointer, String message, String hint) {
    problems.add(doc.diagnostic(pointer, message, hint));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
