package dev.pagewalk.auth;

import dev.pagewalk.http.Origin;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one origin an auth link puts credentials on: the base URL's, or, for a run without a base
 * URL, the first call's. Calls to any other origin go without. Thread-safe.
 */
final class HomeOrigin {
  private final AtomicReference<URI> home;

  private HomeOrigin(URI home) {
    this.home = new AtomicReference<>(home);
  }

  /** The origin of {@code baseUrl}; unknown until the first call when it is null or unreadable. */
  static HomeOrigin of(String baseUrl) {
    try {
      return new HomeOrigin(baseUrl == null ? null : URI.create(baseUrl.trim()));
    } catch (IllegalArgumentException e) {
      return new HomeOrigin(null);
    }
  }

  /** Whether {@code uri} is at the home origin (the first call fixes it when it is unknown). */
  boolean holds(URI uri) {
    home.compareAndSet(null, uri);
    return Origin.same(home.get(), uri);
  }
}
