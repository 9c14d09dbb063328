package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.expr.Scope;
import dev.pagewalk.expr.Template;
import dev.pagewalk.http.BodyType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Compiles the spec's {@code auth} block into an {@link AuthPlan}. The schema has checked its shape
 * (one source, the fields each grant needs); templates are compiled by the plan compiler, which
 * collects their errors with their locations.
 */
final class AuthReader {
  /** The default {@code apply}: the token as a bearer credential. */
  static final String DEFAULT_HEADER = "Authorization";

  static final String DEFAULT_VALUE = "Bearer {{auth.token}}";

  private final JsonNode node;
  private final BiFunction<String, Scope, Template> template;
  private final BiFunction<String, Scope, Template> constant;
  private final BiConsumer<String, String> problem;

  /**
   * Over the {@code auth} node; {@code template} compiles the value at a JSON pointer, {@code
   * constant} compiles a value the plan supplies (the default {@code apply}) for that pointer, and
   * {@code problem} records an error at a pointer.
   */
  AuthReader(
      JsonNode node,
      BiFunction<String, Scope, Template> template,
      BiFunction<String, Scope, Template> constant,
      BiConsumer<String, String> problem) {
    this.node = node;
    this.template = template;
    this.constant = constant;
    this.problem = problem;
  }

  /** The plan; null without an {@code auth} block or when it has problems (recorded). */
  AuthPlan read() {
    if (node.isMissingNode()) {
      return null;
    }
    int sources =
        (node.has("oauth2") ? 1 : 0) + (node.has("login") ? 1 : 0) + (node.has("aws") ? 1 : 0);
    if (sources != 1) {
      problem.accept(
          "/auth",
          sources == 0
              ? "auth needs a source of credentials: oauth2, login or aws"
              : "auth takes one source of credentials, oauth2, login or aws, not several");
      return null;
    }
    if (node.has("aws")) {
      return aws();
    }
    AuthSource source = node.has("oauth2") ? oauth2(node.get("oauth2")) : login(node.get("login"));
    if (source == null) {
      return null;
    }
    Template headers;
    Template qs;
    if (node.has("apply")) {
      headers = template.apply("/auth/apply/headers", Scopes.apply("auth.apply.headers"));
      qs = template.apply("/auth/apply/qs", Scopes.apply("auth.apply.qs"));
    } else {
      headers = constant.apply("/auth", Scopes.apply("auth.apply.headers"));
      qs = null;
    }
    Set<Integer> refreshOn = new HashSet<>();
    node.path("refreshOn").forEach(n -> refreshOn.add(n.asInt()));
    return new AuthPlan(
        source, headers, qs, refreshOn.isEmpty() ? AuthPlan.DEFAULT_REFRESH_ON : refreshOn, null);
  }

  private OAuth2Plan oauth2(JsonNode o) {
    String at = "/auth/oauth2";
    JsonNode jwt = o.path("jwt");
    Template url = input(at + "/tokenUrl", "auth.oauth2.tokenUrl");
    Template key = input(at + "/jwt/privateKey", "auth.oauth2.jwt.privateKey");
    Template issuer = input(at + "/jwt/issuer", "auth.oauth2.jwt.issuer");
    OAuth2Grant grant = OAuth2Grant.fromSpecName(o.path("grant").asText());
    List<String> missing = grant.needs().stream().filter(k -> !o.has(k)).toList();
    missing.forEach(
        k ->
            problem.accept(
                at,
                "missing required key '"
                    + k
                    + "' in auth.oauth2: grant "
                    + grant.specName()
                    + " needs "
                    + String.join(" and ", grant.needs())));
    if (!missing.isEmpty()
        || url == null
        || (!jwt.isMissingNode() && (key == null || issuer == null))) {
      return null;
    }
    return new OAuth2Plan(
        grant,
        url,
        input(at + "/clientId", "auth.oauth2.clientId"),
        input(at + "/clientSecret", "auth.oauth2.clientSecret"),
        "body".equals(o.path("clientAuth").asText("basic")) ? ClientAuth.BODY : ClientAuth.BASIC,
        input(at + "/refreshToken", "auth.oauth2.refreshToken"),
        input(at + "/scope", "auth.oauth2.scope"),
        input(at + "/params", "auth.oauth2.params"),
        jwt.isMissingNode()
            ? null
            : new JwtPlan(
                issuer,
                input(at + "/jwt/subject", "auth.oauth2.jwt.subject"),
                input(at + "/jwt/audience", "auth.oauth2.jwt.audience"),
                key,
                JwtAlgorithm.valueOf(jwt.path("algorithm").asText("RS256")),
                jwt.has("lifetime")
                    ? Durations.parse(jwt.get("lifetime").asText())
                    : JwtPlan.DEFAULT_LIFETIME));
  }

  private LoginPlan login(JsonNode l) {
    String at = "/auth/login";
    Template url = input(at + "/url", "auth.login.url");
    Template token = template.apply(at + "/token", Scopes.authResponse("auth.login.token"));
    if (url == null || token == null) {
      return null;
    }
    return new LoginPlan(
        url,
        l.path("method").asText("POST").toUpperCase(Locale.ROOT),
        input(at + "/qs", "auth.login.qs"),
        input(at + "/headers", "auth.login.headers"),
        input(at + "/body", "auth.login.body"),
        BodyType.of(l.path("type").asText("json")),
        token,
        template.apply(at + "/expiresIn", Scopes.authResponse("auth.login.expiresIn")));
  }

  private AuthPlan aws() {
    for (String key : List.of("apply", "refreshOn")) {
      if (node.has(key)) {
        problem.accept(
            "/auth/" + key, "auth." + key + " does not apply to auth.aws, which signs requests");
      }
    }
    String at = "/auth/aws";
    Template service = input(at + "/service", "auth.aws.service");
    Template region = input(at + "/region", "auth.aws.region");
    Template keyId = input(at + "/accessKeyId", "auth.aws.accessKeyId");
    Template secret = input(at + "/secretAccessKey", "auth.aws.secretAccessKey");
    Template session = input(at + "/sessionToken", "auth.aws.sessionToken");
    if (service == null
        || region == null
        || keyId == null
        || secret == null
        || node.has("apply")
        || node.has("refreshOn")) {
      return null;
    }
    return AuthPlan.signing(new AwsPlan(service, region, keyId, secret, session));
  }

  private Template input(String pointer, String place) {
    return template.apply(pointer, Scopes.inputs(place));
  }
}
