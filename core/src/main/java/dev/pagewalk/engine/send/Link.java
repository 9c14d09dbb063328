package dev.pagewalk.engine.send;

/**
 * One concern of the request pipeline below the retry link, as OkHttp's {@code Interceptor}: it
 * looks at {@link Chain#call()}, may wait, refuse or rewrite it, and returns what the rest of the
 * chain ({@link Chain#proceed}) gave, or its own {@link Attempt}. A link keeps no run counters: all
 * it did is in the value it returns.
 */
@FunctionalInterface
public interface Link {
  Attempt intercept(Chain chain);
}
