package dev.pagewalk.engine.request;

import dev.pagewalk.expr.Values;
import dev.pagewalk.http.Redaction;
import dev.pagewalk.http.UrlBuilder;
import dev.pagewalk.plan.ParamDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces secret input values in checkpointed text by placeholders and back, so that a checkpoint
 * on disk never holds a credential: {@code {{connection.api_key}}} for the raw value, {@code
 * {{connection.api_key|url}}} for its percent-encoded form.
 */
public final class SecretPlaceholders {
  private final Map<String, String> raw = new LinkedHashMap<>();

  public SecretPlaceholders(RunState state, List<ParamDecl> params, List<ParamDecl> connection) {
    collect("parameters", params, state.parameters());
    collect("connection", connection, state.connection());
  }

  private void collect(String kind, List<ParamDecl> decls, Map<String, Object> values) {
    for (ParamDecl d : decls) {
      Object v = values.get(d.name());
      if (d.secret() && v != null && Redaction.maskable(Values.toText(v))) {
        raw.put(kind + "." + d.name(), Values.toText(v));
      }
    }
  }

  public boolean containsSecret(String text) {
    return text != null && raw.values().stream().anyMatch(text::contains);
  }

  public String hide(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<String, String> e : raw.entrySet()) {
      out = out.replace(e.getValue(), "{{" + e.getKey() + "}}");
      String encoded = UrlBuilder.encode(e.getValue());
      if (!encoded.equals(e.getValue())) {
        out = out.replace(encoded, "{{" + e.getKey() + "|url}}");
      }
    }
    return out;
  }

  String reveal(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<String, String> e : raw.entrySet()) {
      out = out.replace("{{" + e.getKey() + "|url}}", UrlBuilder.encode(e.getValue()));
      out = out.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return out;
  }

  /** A copy of plain data with every secret in its text replaced by placeholders. */
  public Object hideIn(Object value) {
    if (value instanceof String s) {
      return hide(s);
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), hideIn(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(hideIn(v)));
      return out;
    }
    return value;
  }

  public Object revealIn(Object value) {
    if (value instanceof String s) {
      return reveal(s);
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), revealIn(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(revealIn(v)));
      return out;
    }
    return value;
  }
}
