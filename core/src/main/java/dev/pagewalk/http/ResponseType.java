package dev.pagewalk.http;

import java.util.Locale;

/** {@code response.type}: how a response body is read. */
public enum ResponseType {
  /** JSON when the Content-Type says so (or, without one, when the body looks like JSON). */
  AUTOMATIC,
  /** Always JSON. */
  JSON,
  /** Always text. */
  TEXT;

  /** The spec's name: {@code automatic}, {@code json}, {@code text}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type a spec names; a name the schema lets through but this version does not read ({@code
   * xml}, reported as a problem at load) is {@code automatic}.
   */
  public static ResponseType of(String name) {
    for (ResponseType t : values()) {
      if (t.wireName().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return AUTOMATIC;
  }
}
