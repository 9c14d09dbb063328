package dev.pagewalk.plan;

import dev.pagewalk.expr.Scope;
import java.util.HashSet;
import java.util.Set;

/** Which variables each place of a spec may use (spec section 2, "Variables in scope"). */
final class Scopes {
  private static final Set<String> BASE =
      Set.of("parameters", "connection", "temp", "now", "timestamp", "uuid", "state");
  private static final Set<String> RESPONSE =
      union(BASE, "body", "headers", "statusCode", "links", "request");
  private static final Set<String> AFTER_ITERATE = union(RESPONSE, "iterate");
  private static final Set<String> ITEM = union(RESPONSE, "item");
  private static final Set<String> PAGINATION = union(AFTER_ITERATE, "pagination");

  private Scopes() {}

  static Scope request(String place) {
    return new Scope(place, union(BASE, "auth"));
  }

  /** Values of the {@code auth} block that are known before any request: the run's inputs. */
  static Scope inputs(String place) {
    return new Scope(place, Set.of("parameters", "connection"));
  }

  /** Expressions over a login response. */
  static Scope authResponse(String place) {
    return new Scope(place, Set.of("parameters", "connection", "body", "headers", "statusCode"));
  }

  /** {@code auth.apply}: the token and the run's inputs. */
  static Scope apply(String place) {
    return new Scope(place, Set.of("auth", "parameters", "connection"));
  }

  static Scope response(String place) {
    return new Scope(place, RESPONSE);
  }

  static Scope afterIterate(String place) {
    return new Scope(place, AFTER_ITERATE);
  }

  static Scope item(String place) {
    return new Scope(place, ITEM);
  }

  static Scope pagination(String place) {
    return new Scope(place, union(PAGINATION, "auth"));
  }

  static Scope repeat(String place) {
    return new Scope(place, Set.of("temp"));
  }

  private static Set<String> union(Set<String> base, String... more) {
    Set<String> s = new HashSet<>(base);
    s.addAll(Set.of(more));
    return Set.copyOf(s);
  }
}
