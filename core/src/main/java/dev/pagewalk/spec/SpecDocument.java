package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.Diagnostic;

/**
 * A spec file that was read safely and validated against the JSON Schema: its tree, and a map from
 * every JSON pointer back to where the value stands in the source. Immutable and thread-safe; later
 * stages (expressions, plan) use it to report their own errors at the right line and column.
 */
public final class SpecDocument {
  private final JsonNode tree;
  private final Locator locator;

  SpecDocument(JsonNode tree, Locator locator) {
    this.tree = tree.deepCopy();
    this.locator = locator;
  }

  /** The file name given when reading (used in every diagnostic). */
  public String fileName() {
    return locator.source().fileName();
  }

  /**
   * The validated tree. Object keys are strings; scalars follow the YAML 1.2 core schema. The
   * returned tree is a copy: changing it does not change the document.
   */
  public JsonNode tree() {
    return tree.deepCopy();
  }

  /**
   * The value at a JSON pointer (RFC 6901, {@code ""} for the whole document) as plain Java data:
   * Map (String keys, insertion order), List, String, Long/BigInteger, BigDecimal, Boolean, or null
   * when absent. The result is a fresh copy.
   *
   * @throws IllegalArgumentException if the pointer is not a valid JSON pointer
   */
  public Object plain(String pointer) {
    return PlainValues.of(tree.at(pointer));
  }

  /** A diagnostic located at the value (or, for a missing value, its nearest existing parent). */
  public Diagnostic diagnostic(String pointer, String message, String hint) {
    return locator.atValue(pointer, message, hint);
  }

  /** A diagnostic located at the key that names the value (for a whole section), else the value. */
  public Diagnostic diagnosticAtKey(String pointer, String message, String hint) {
    return locator.atKey(pointer, message, hint);
  }

  /**
   * A diagnostic located at a character offset inside the string scalar at {@code pointer} (for
   * expression errors). For a single-line scalar the column is that of the first content character
   * (after an opening quote) plus the offset, escapes accounted for; for multi-line and block
   * scalars the line and column are the best estimate (each line break counts as one character).
   * Falls back to {@link #diagnostic(String, String, String)} for non-scalars. A negative offset
   * (an error in a templated map name) locates the key.
   */
  public Diagnostic diagnostic(String pointer, int offset, String message, String hint) {
    return offset < 0
        ? locator.atKey(pointer, message, hint)
        : locator.atOffset(pointer, offset, message, hint);
  }

  /**
   * SHA-256 (hex) of the source text: identifies the exact spec a run used. Worked out at each
   * call.
   */
  public String contentHash() {
    return locator.source().sha256();
  }
}
