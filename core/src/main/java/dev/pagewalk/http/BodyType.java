package dev.pagewalk.http;

import java.util.Locale;

/** How a request body is encoded: the spec's {@code type} of a request. */
public enum BodyType {
  /** The value as JSON, {@code application/json}. */
  JSON,
  /** A map of fields as {@code application/x-www-form-urlencoded}. */
  URLENCODED,
  /** The value's text form as UTF-8, {@code text/plain; charset=UTF-8}. */
  TEXT,
  /** A map of fields as {@code multipart/form-data}. */
  MULTIPART;

  /** The name a spec uses: {@code json}, {@code urlencoded}, {@code text}, {@code multipart}. */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type a spec names (any case); {@link #JSON} for null.
   *
   * @throws IllegalArgumentException for a name that is none of them
   */
  public static BodyType of(String name) {
    if (name == null) {
      return JSON;
    }
    for (BodyType t : values()) {
      if (t.specName().equals(name.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown body type \"" + name + "\" (expected json, urlencoded, text or multipart)");
  }
}
