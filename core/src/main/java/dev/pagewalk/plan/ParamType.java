package dev.pagewalk.plan;

import java.util.Locale;

/** The declared type of a parameter or connection value ({@code type:}; default {@code string}). */
public enum ParamType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  ARRAY,
  OBJECT;

  /** The name in a spec: {@code string}, {@code integer}, …. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type a spec names; the schema allows only these names, so anything else is a bug here.
   *
   * @throws IllegalArgumentException for a name that is not one of the types
   */
  public static ParamType fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The type with its article, as messages say it: {@code an integer}, {@code a string}. */
  public String withArticle() {
    String w = wireName();
    return (w.startsWith("a") || w.startsWith("i") || w.startsWith("o") ? "an " : "a ") + w;
  }
}
