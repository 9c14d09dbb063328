package dev.pagewalk.engine.request;

import dev.pagewalk.expr.Values;
import dev.pagewalk.http.Origin;
import dev.pagewalk.http.Redaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what of a request is a credential and whether a URL leaves the run's origin.
 *
 * <p>A header or query value depends on the connection when either (a) its evaluated text contains
 * a connection value of at least 3 characters, or (b) evaluating the same templates with every
 * connection value changed gives a different value than evaluating them with the real ones (both
 * with {@code uuid} fixed) — which also catches values the template transforms ({@code Basic
 * {{base64(connection.user + ':' + connection.pass)}}}). {@link Origin#CREDENTIAL_HEADERS} are
 * credentials whatever their value.
 */
public final class CrossOrigin {
  private CrossOrigin() {}

  static boolean isCredentialHeader(String name) {
    return Origin.isCredentialHeader(name);
  }

  /**
   * True when {@code target} is not of {@code home}'s origin (or home is unknown): {@link
   * Origin#same}.
   */
  public static boolean leaves(URI home, URI target) {
    return !Origin.same(home, target);
  }

  /** The names in {@code values} whose value depends on the connection (see the class comment). */
  static Set<String> connectionDependent(
      Map<String, Object> values,
      Map<String, Object> control,
      Map<String, Object> probed,
      List<String> secrets) {
    Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String text = e.getValue() == null ? "" : Values.toText(e.getValue());
      boolean contains = secrets.stream().anyMatch(text::contains);
      boolean changes =
          control != null
              && probed != null
              && !Objects.equals(control.get(e.getKey()), probed.get(e.getKey()));
      if (contains || changes) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** The connection values as text, those long enough to mask ({@link Redaction#maskable}). */
  static List<String> texts(Map<String, Object> connection) {
    List<String> out = new ArrayList<>();
    for (Object v : connection.values()) {
      if (v != null && !(v instanceof Map) && !(v instanceof List)) {
        String t = Values.toText(v);
        if (Redaction.maskable(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** A copy of the connection values with every value changed, keeping its type. */
  static Map<String, Object> perturb(Map<String, Object> connection) {
    Map<String, Object> out = new LinkedHashMap<>();
    connection.forEach((k, v) -> out.put(k, perturbValue(v)));
    return java.util.Collections.unmodifiableMap(out);
  }

  private static Object perturbValue(Object v) {
    if (v instanceof String s) {
      return s + "\u0001probe";
    }
    if (v instanceof Boolean b) {
      return !b;
    }
    if (v instanceof Long l) {
      return l + 7919;
    }
    if (v instanceof Integer i) {
      return i + 7919;
    }
    if (v instanceof BigInteger b) {
      return b.add(BigInteger.valueOf(7919));
    }
    if (v instanceof BigDecimal d) {
      return d.add(BigDecimal.valueOf(7919));
    }
    if (v instanceof Double d) {
      return d + 7919;
    }
    if (v == null) {
      return "\u0001probe";
    }
    return v;
  }
}
