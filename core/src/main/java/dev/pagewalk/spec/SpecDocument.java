package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.Diagnostic;

/**
 * A spec file that was read safely and validated against the JSON Schema: its tree, and a map
 * from every JSON pointer back to where the value stands in the source. Immutable.
 */
public final class SpecDocument {

  /** The file name given when reading (used in every diagnostic). */
  public String fileName() {
    throw new UnsupportedOperationException("implemented by the spec package");
  }

  /** The validated tree. Object keys are strings; YAML 1.2 core scalars. */
  public JsonNode tree() {
    throw new UnsupportedOperationException("implemented by the spec package");
  }

  /**
   * The value at a JSON pointer as plain Java data: Map (String keys, insertion order), List,
   * String, Long/BigInteger, BigDecimal, Boolean, or null when absent.
   */
  public Object plain(String pointer) {
    throw new UnsupportedOperationException("implemented by the spec package");
  }

  /** A diagnostic located at the value (or, for a missing value, its nearest parent). */
  public Diagnostic diagnostic(String pointer, String message, String hint) {
    throw new UnsupportedOperationException("implemented by the spec package");
  }

  /**
   * A diagnostic located at a character offset inside the string scalar at {@code pointer}
   * (for expression errors); the column accounts for the opening quote.
   */
  public Diagnostic diagnostic(String pointer, int offset, String message, String hint) {
    throw new UnsupportedOperationException("implemented by the spec package");
  }

  /** SHA-256 (hex) of the source text: identifies the exact spec a run used. */
  public String contentHash() {
    throw new UnsupportedOperationException("implemented by the spec package");
  }
}
