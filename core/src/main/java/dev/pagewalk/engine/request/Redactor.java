package dev.pagewalk.engine.request;

import dev.pagewalk.auth.AuthSecrets;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.Redaction;
import dev.pagewalk.plan.ParamDecl;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks a run's secrets (declared {@code secret} values, the tokens and credentials its
 * authentication learns as it goes, and sensitive query parameters) in everything the run prints:
 * error messages, events, reports.
 */
public final class Redactor {
  private final Set<String> secrets;
  private final Set<String> queryNames;
  private final AuthSecrets learned;

  Redactor(Set<String> secrets) {
    this(secrets, Set.of());
  }

  Redactor(Set<String> secrets, Set<String> queryNames) {
    this(secrets, queryNames, new AuthSecrets());
  }

  private Redactor(Set<String> secrets, Set<String> queryNames, AuthSecrets learned) {
    this.secrets = Set.copyOf(secrets);
    this.queryNames = Set.copyOf(queryNames);
    this.learned = learned;
  }

  /** Also masks every secret {@code learned} holds, now and as it grows. */
  public Redactor learning(AuthSecrets learned) {
    return new Redactor(secrets, queryNames, learned);
  }

  private Set<String> all() {
    Set<String> now = learned.values();
    if (now.isEmpty()) {
      return secrets;
    }
    Set<String> all = new HashSet<>(secrets);
    all.addAll(now);
    return all;
  }

  /** Also masks the query parameters named by {@code log.sanitize: [request.qs.NAME]}. */
  public Redactor withSanitized(java.util.Collection<String> sanitizePaths) {
    Set<String> names = new HashSet<>(queryNames);
    for (String path : sanitizePaths) {
      if (path.startsWith("request.qs.")) {
        names.add(path.substring("request.qs.".length()));
      }
    }
    return new Redactor(secrets, names, learned);
  }

  public static Redactor of(
      List<ParamDecl> paramDecls,
      Map<String, Object> params,
      List<ParamDecl> connectionDecls,
      Map<String, Object> connection) {
    Set<String> secrets = new HashSet<>();
    collect(paramDecls, params, secrets);
    collect(connectionDecls, connection, secrets);
    return new Redactor(secrets);
  }

  private static void collect(List<ParamDecl> decls, Map<String, Object> values, Set<String> out) {
    for (ParamDecl d : decls) {
      Object v = values.get(d.name());
      if (d.secret() && v != null) {
        String text = Values.toText(v);
        if (Redaction.maskable(text)) {
          out.add(text);
        }
      }
    }
  }

  String uri(URI uri) {
    return Redaction.redactUri(uri, all(), queryNames);
  }

  public String text(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : all()) {
      out = out.replace(s, "***");
    }
    return out;
  }
}
