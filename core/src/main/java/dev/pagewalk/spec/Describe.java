package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Words for values and schema alternatives in messages: {@code string "lots"}, {@code integer or
 * "unlimited"}.
 */
final class Describe {
  static final String DURATION_PATTERN = "^[0-9]+(ms|s|m|h)$";
  private static final int MAX_TEXT = 40;

  private Describe() {}

  /**
   * What the author wrote: {@code string "lots"}, {@code integer 0}, {@code object}, {@code null}.
   */
  static String got(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (text.length() > MAX_TEXT) {
        text = text.substring(0, MAX_TEXT) + "...";
      }
      return "string " + CoreSchemaScalars.NODES.textNode(text);
    }
    if (value.isIntegralNumber()) {
      return "integer " + value.asText();
    }
    if (value.isNumber()) {
      return "number " + value.decimalValue().toPlainString();
    }
    if (value.isBoolean()) {
      return "boolean " + value.asText();
    }
    return value.isObject() ? "object" : "array";
  }

  /** A JSON Schema type keyword as words: "string", or "string or boolean". */
  static String types(JsonNode type) {
    if (type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(t.asText()));
      return String.join(" or ", names);
    }
    return type.asText();
  }

  /** One oneOf/anyOf branch as words; {@code instance} decides whether bounds are worth naming. */
  static String branch(SpecSchema schema, JsonNode branch, JsonNode instance) {
    JsonNode resolved = schema.deref(branch);
    if (resolved.has("const")) {
      return resolved.get("const").toString();
    }
    if (DURATION_PATTERN.equals(resolved.path("pattern").asText())) {
      return "a duration like 40s";
    }
    if (!resolved.has("type")) {
      return "a value";
    }
    String type = types(resolved.get("type"));
    if (instance != null && instance.isNumber()) {
      return type + bounds(resolved);
    }
    return type;
  }

  static String bounds(JsonNode schema) {
    JsonNode min = schema.get("minimum");
    JsonNode max = schema.get("maximum");
    if (min != null && max != null) {
      return " from " + min.asText() + " to " + max.asText();
    }
    if (min != null) {
      return " of at least " + min.asText();
    }
    return max != null ? " of at most " + max.asText() : "";
  }

  /** {@code in request}, or {@code at the top level}. */
  static String where(String pointer) {
    return pointer.isEmpty() ? "at the top level" : "in " + JsonPointers.dotted(pointer);
  }
}
