package dev.pagewalk.expr;

import java.util.Set;

/**
 * Where an expression stands in a spec and therefore which variables it may use. The place is
 * named in errors ("variable 'item' is not available in request.url; available here: ...").
 */
public record Scope(String place, Set<String> variables) {
  public Scope {
    variables = Set.copyOf(variables);
  }

  public boolean allows(String variable) {
    return variables.contains(variable);
  }

  public Scope at(String otherPlace) {
    return new Scope(otherPlace, variables);
  }
}
