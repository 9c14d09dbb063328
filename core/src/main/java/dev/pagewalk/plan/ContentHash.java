package dev.pagewalk.plan;

import java.util.function.Supplier;

/**
 * The SHA-256 (hex) of a spec's source text, worked out the first time it is asked for: a plan that
 * is only checked ({@code pagewalk validate}) never needs it, and the first digest of a process
 * sets up the JDK's security providers, a twentieth of that command's start-up. Equal by value;
 * thread-safe.
 */
final class ContentHash {
  private final Supplier<String> digest;
  private volatile String hex;

  ContentHash(Supplier<String> digest) {
    this.digest = digest;
  }

  String hex() {
    String h = hex;
    if (h == null) {
      h = digest.get();
      hex = h;
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentHash other && hex().equals(other.hex());
  }

  @Override
  public int hashCode() {
    return hex().hashCode();
  }

  @Override
  public String toString() {
    return hex();
  }
}
