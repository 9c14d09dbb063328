package dev.pagewalk.expr;

/** The function objects a compiled expression calls through {@link RuntimeCalls}. */
final class Fn {
  private Fn() {}

  @FunctionalInterface
  interface F0 {
    Object apply();
  }

  @FunctionalInterface
  interface F1 {
    Object apply(Object a);
  }

  @FunctionalInterface
  interface F2 {
    Object apply(Object a, Object b);
  }

  @FunctionalInterface
  interface F3 {
    Object apply(Object a, Object b, Object c);
  }

  @FunctionalInterface
  interface F4 {
    Object apply(Object a, Object b, Object c, Object d);
  }
}
