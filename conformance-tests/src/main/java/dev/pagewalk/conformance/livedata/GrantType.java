package dev.pagewalk.conformance.livedata;

import java.util.Locale;
import java.util.Optional;

/** The grants the mock's token endpoint serves. */
public enum GrantType {
  CLIENT_CREDENTIALS,
  REFRESH_TOKEN;

  /** The wire name: {@code client_credentials}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<GrantType> fromWireName(String name) {
    for (GrantType g : values()) {
      if (g.wireName().equals(name)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
