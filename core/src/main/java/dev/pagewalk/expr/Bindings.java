package dev.pagewalk.expr;

/**
 * The runtime values of the variables in scope ({@code body}, {@code item}, {@code temp}, ...).
 * Values are plain data only: String, Number (Long, BigInteger, BigDecimal; Integer and Double are
 * accepted and treated by value), Boolean, List, Map with String keys, or null. A variable that is
 * not set returns null. Called at most once per variable and evaluation; an implementation used by
 * concurrent runs must be safe for the values it hands out.
 */
@FunctionalInterface
public interface Bindings {
  Object variable(String name);
}
