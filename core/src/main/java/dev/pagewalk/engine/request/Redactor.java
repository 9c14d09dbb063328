package dev.pagewalk.engine.request;

import dev.pagewalk.CancelledException;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.InputException;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.RunFailureException;
import dev.pagewalk.auth.AuthSecrets;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.Redaction;
import dev.pagewalk.http.SecretForms;
import dev.pagewalk.plan.ParamDecl;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks a run's secrets (declared {@code secret} values and the tokens and credentials its
 * authentication learns as it goes, each in every form {@link SecretForms} knows, and sensitive
 * query parameters) in everything the run prints: error messages, events, reports.
 */
public final class Redactor {
  private final Set<String> secrets;
  private final Set<String> queryNames;
  private final SecretForms forms;
  private final AuthSecrets learned;

  /** The forms of the declared secrets plus those learned so far, rebuilt when more are learned. */
  private volatile Learned current;

  private record Learned(long version, SecretForms forms) {}

  Redactor(Set<String> secrets) {
    this(secrets, Set.of());
  }

  Redactor(Set<String> secrets, Set<String> queryNames) {
    this(secrets, queryNames, new AuthSecrets());
  }

  private Redactor(Set<String> secrets, Set<String> queryNames, AuthSecrets learned) {
    this.secrets = Set.copyOf(secrets);
    this.queryNames = Set.copyOf(queryNames);
    this.forms = SecretForms.of(this.secrets);
    this.learned = learned;
  }

  /** Also masks every secret {@code learned} holds, now and as it grows. */
  public Redactor learning(AuthSecrets learned) {
    return new Redactor(secrets, queryNames, learned);
  }

  private SecretForms forms() {
    long version = learned.version();
    if (version == 0) {
      return forms;
    }
    Learned seen = current;
    if (seen == null || seen.version() != version) {
      Set<String> all = new HashSet<>(secrets);
      all.addAll(learned.values());
      seen = new Learned(version, SecretForms.of(all));
      current = seen;
    }
    return seen.forms();
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
    return Redaction.redactUrl(forms().mask(uri.toString()), Set.of(), queryNames);
  }

  public String text(String text) {
    return forms().mask(text);
  }

  /**
   * The failure itself when its message holds no secret, otherwise the same kind of failure (code,
   * status and cause kept) with the message masked.
   */
  public PagewalkException failure(PagewalkException e) {
    String message = e.getMessage();
    String masked = text(message);
    if (masked == null || masked.equals(message)) {
      return e;
    }
    PagewalkException copy;
    if (e instanceof HttpFailureException h) {
      copy = new HttpFailureException(h.code(), masked, h.status(), h.getCause());
    } else if (e instanceof CancelledException) {
      copy = new CancelledException(masked);
    } else if (e instanceof InputException) {
      copy = new InputException(e.code(), masked);
    } else if (e instanceof RunFailureException) {
      copy = new RunFailureException(e.code(), masked, e.getCause());
    } else {
      copy = new RunFailureException(e.code(), masked, e);
    }
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }
}
