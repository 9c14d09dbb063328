package dev.pagewalk.expr;

import java.util.Map;
import java.util.Set;

/**
 * Where an expression stands in a spec and therefore which variables it may use. The place is named
 * in errors ("variable 'item' is not available in request.url; available here: ...").
 *
 * <p>{@code declared} closes the members of some variables: for a variable in it (a spec's {@code
 * parameters} and {@code connection}), {@code variable.name} must be one of the names listed, or
 * the expression does not compile. The members of other variables are open.
 */
public record Scope(String place, Set<String> variables, Map<String, Set<String>> declared) {
  public Scope {
    variables = Set.copyOf(variables);
    Map<String, Set<String>> copy = new java.util.HashMap<>();
    declared.forEach((variable, names) -> copy.put(variable, Set.copyOf(names)));
    declared = Map.copyOf(copy);
  }

  public Scope(String place, Set<String> variables) {
    this(place, variables, Map.of());
  }

  public boolean allows(String variable) {
    return variables.contains(variable);
  }

  public Scope at(String otherPlace) {
    return new Scope(otherPlace, variables, declared);
  }

  /** The same scope where {@code variable}'s members are exactly {@code names}. */
  public Scope declaring(String variable, Set<String> names) {
    Map<String, Set<String>> more = new java.util.HashMap<>(declared);
    more.put(variable, Set.copyOf(names));
    return new Scope(place, variables, more);
  }
}
