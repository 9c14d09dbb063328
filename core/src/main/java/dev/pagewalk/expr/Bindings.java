package dev.pagewalk.expr;

/**
 * The runtime values of the variables in scope ({@code body}, {@code item}, {@code temp}, ...).
 * Values are plain data only: String, Number (Long, BigInteger, BigDecimal), Boolean, List,
 * Map with String keys, or null. A variable that is not set returns null.
 */
@FunctionalInterface
public interface Bindings {
  Object variable(String name);
}
