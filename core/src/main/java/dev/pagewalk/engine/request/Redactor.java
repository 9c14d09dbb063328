package dev.pagewalk.engine.request;

import dev.pagewalk.expr.Values;
import dev.pagewalk.http.Redaction;
import dev.pagewalk.plan.ParamDecl;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks a run's secrets (declared {@code secret} values and sensitive query parameters) in
 * everything the run prints: error messages, events, reports.
 */
public final class Redactor {
  private final Set<String> secrets;
  private final Set<String> queryNames;

  Redactor(Set<String> secrets) {
    this(secrets, Set.of());
  }

  Redactor(Set<String> secrets, Set<String> queryNames) {
    this.secrets = Set.copyOf(secrets);
    this.queryNames = Set.copyOf(queryNames);
  }

  /** Also masks the query parameters named by {@code log.sanitize: [request.qs.NAME]}. */
  public Redactor withSanitized(java.util.Collection<String> sanitizePaths) {
    Set<String> names = new HashSet<>(queryNames);
    for (String path : sanitizePaths) {
      if (path.startsWith("request.qs.")) {
        names.add(path.substring("request.qs.".length()));
      }
    }
    return new Redactor(secrets, names);
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
    return Redaction.redactUri(uri, secrets, queryNames);
  }

  public String text(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "***");
    }
    return out;
  }
}
