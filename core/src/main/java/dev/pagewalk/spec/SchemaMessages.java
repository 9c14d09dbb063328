package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the validator's messages into findings a spec author can act on. The alternatives of a
 * oneOf/anyOf collapse into one message per location; unknown keys get a did-you-mean.
 */
final class SchemaMessages {
  private final SpecSchema schema;

  SchemaMessages(SpecSchema schema) {
    this.schema = schema;
  }

  List<SchemaFinding> findings(Collection<ValidationMessage> messages) {
    List<Scope> hidden = new ArrayList<>();
    List<Scope> shown = new ArrayList<>();
    Set<ValidationMessage> replaced = new HashSet<>();
    for (ValidationMessage m : messages) {
      if (isAlternatives(m)) {
        Scope scope = new Scope(pointer(m.getInstanceLocation()), m.getEvaluationPath() + "/");
        hidden.add(scope);
        int branch = structuralBranch(m);
        if (branch >= 0) {
          replaced.add(m);
          shown.add(new Scope(scope.pointer(), scope.evaluation() + branch + "/"));
        }
      }
    }
    List<SchemaFinding> findings = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String pointer = pointer(m.getInstanceLocation());
      String evaluation = m.getEvaluationPath().toString();
      if (replaced.contains(m)
          || hidden.stream().anyMatch(s -> s.covers(pointer, evaluation))
              && shown.stream().noneMatch(s -> s.covers(pointer, evaluation))) {
        continue;
      }
      SchemaFinding finding = finding(m, pointer);
      if (finding != null) {
        findings.add(finding);
      }
    }
    return findings;
  }

  /** Messages of one oneOf/anyOf: at or below its instance, inside its evaluation path. */
  private record Scope(String pointer, String evaluation) {
    boolean covers(String otherPointer, String otherEvaluation) {
      return (otherPointer.equals(pointer) || otherPointer.startsWith(pointer + "/"))
          && otherEvaluation.startsWith(evaluation);
    }
  }

  /**
   * The one alternative whose declared type takes the value: its own messages ("expected at least
   * 1", "missing required key") say more than a list of alternatives. Not for a scalar when an
   * alternative is a word such as "unlimited": naming both forms helps more.
   */
  private int structuralBranch(ValidationMessage m) {
    JsonNode value = m.getInstanceNode();
    JsonNode branches = m.getSchemaNode();
    if (value == null || !branches.isArray()) {
      return -1;
    }
    boolean wordAlternative = false;
    for (JsonNode branch : branches) {
      wordAlternative |= schema.deref(branch).has("const");
    }
    if (wordAlternative && !value.isContainerNode()) {
      return -1;
    }
    int found = -1;
    for (int i = 0; i < branches.size(); i++) {
      if (typeTakes(schema.deref(branches.get(i)).path("type").asText(), value)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  private static boolean typeTakes(String type, JsonNode value) {
    switch (type) {
      case "object":
        return value.isObject();
      case "array":
        return value.isArray();
      case "string":
        return value.isTextual();
      case "boolean":
        return value.isBoolean();
      case "integer":
        return value.isIntegralNumber();
      case "number":
        return value.isNumber();
      default:
        return false;
    }
  }

  private static boolean isAlternatives(ValidationMessage m) {
    return m.getType().equals("oneOf") || m.getType().equals("anyOf");
  }

  private SchemaFinding finding(ValidationMessage m, String pointer) {
    JsonNode value = m.getInstanceNode();
    JsonNode keyword = m.getSchemaNode();
    String at = " at " + JsonPointers.dotted(pointer) + ", got " + Describe.got(value);
    switch (m.getType()) {
      case "additionalProperties":
        return unknownKey(m, pointer);
      case "required":
        return new SchemaFinding(
            pointer,
            true,
            "missing required key '"
                + m.getProperty()
                + "'"
                + (pointer.isEmpty() ? "" : " " + Describe.where(pointer)),
            null);
      case "propertyNames":
        return new SchemaFinding(
            JsonPointers.child(pointer, m.getProperty()),
            true,
            "invalid name '" + m.getProperty() + "' " + Describe.where(pointer),
            "use letters, digits and _, not starting with a digit");
      case "type":
        return new SchemaFinding(pointer, false, "expected " + Describe.types(keyword) + at, null);
      case "const":
        return new SchemaFinding(pointer, false, "expected " + keyword + at, null);
      case "enum":
        return enumFinding(keyword, value, pointer, at);
      case "pattern":
        return patternFinding(keyword.asText(), pointer, at);
      case "minimum":
        return new SchemaFinding(
            pointer, false, "expected at least " + keyword.asText() + at, null);
      case "maximum":
        return new SchemaFinding(pointer, false, "expected at most " + keyword.asText() + at, null);
      case "minItems":
        return new SchemaFinding(
            pointer,
            false,
            "expected at least " + keyword.asText() + " item(s) at " + JsonPointers.dotted(pointer),
            null);
      case "oneOf":
      case "anyOf":
        return alternatives(m, keyword, value, pointer, at);
      default:
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        return new SchemaFinding(
            pointer,
            false,
            (colon >= 0 ? text.substring(colon + 2) : text) + " at " + JsonPointers.dotted(pointer),
            null);
    }
  }

  private SchemaFinding unknownKey(ValidationMessage m, String pointer) {
    String key = m.getProperty();
    String location = m.getSchemaLocation().toString();
    JsonNode objectSchema = schema.at(location.substring(0, location.lastIndexOf('/')));
    Set<String> allowed = new TreeSet<>();
    objectSchema.path("properties").fieldNames().forEachRemaining(allowed::add);
    String suggestion = DidYouMean.closest(key, allowed);
    String hint;
    if (suggestion != null) {
      hint = "did you mean '" + suggestion + "'?";
    } else if (objectSchema.has("patternProperties")) {
      hint = "allowed: " + String.join(", ", allowed) + ", or an HTTP status such as \"404\"";
    } else {
      hint = "allowed: " + String.join(", ", allowed);
    }
    return new SchemaFinding(
        JsonPointers.child(pointer, key),
        true,
        "unknown key '" + key + "' " + Describe.where(pointer),
        hint);
  }

  private static SchemaFinding enumFinding(
      JsonNode keyword, JsonNode value, String pointer, String at) {
    List<String> values = new ArrayList<>();
    keyword.forEach(v -> values.add(v.asText()));
    String suggestion =
        value != null && value.isTextual() ? DidYouMean.closest(value.asText(), values) : null;
    return new SchemaFinding(
        pointer,
        false,
        "expected one of " + String.join(", ", values) + at,
        suggestion == null ? null : "did you mean '" + suggestion + "'?");
  }

  private static SchemaFinding patternFinding(String pattern, String pointer, String at) {
    if (pattern.equals(Describe.DURATION_PATTERN)) {
      return new SchemaFinding(
          pointer,
          false,
          "expected a duration" + at,
          "write a whole number and a unit: 250ms, 40s, 5m or 1h");
    }
    return new SchemaFinding(pointer, false, "expected a string matching " + pattern + at, null);
  }

  private SchemaFinding alternatives(
      ValidationMessage m, JsonNode branches, JsonNode value, String pointer, String at) {
    if (isRequestChoice(branches)) {
      return requestChoice(value, pointer);
    }
    if (m.getMessageKey() != null && m.getMessageKey().equals("oneOf.indexes")) {
      return new SchemaFinding(
          pointer,
          false,
          "ambiguous value at " + JsonPointers.dotted(pointer) + ": it fits more than one form",
          null);
    }
    List<String> forms = new ArrayList<>();
    branches.forEach(b -> forms.add(Describe.branch(schema, b, value)));
    return new SchemaFinding(pointer, false, "expected " + String.join(" or ", forms) + at, null);
  }

  /** The top level's or a stream's choice of {@code request}, {@code requests} (or streams). */
  private static boolean isRequestChoice(JsonNode branches) {
    return branches.isArray()
        && branches.size() >= 2
        && branches.get(0).path("required").path(0).asText().equals("request");
  }

  private static SchemaFinding requestChoice(JsonNode value, String pointer) {
    if (value == null || !value.isObject()) {
      return null;
    }
    if (pointer.isEmpty()
        && value.has("streams")
        && (value.has("request") || value.has("requests"))) {
      return new SchemaFinding(
          "/streams",
          true,
          "use either 'streams' or a top-level 'request'/'requests', not both",
          "a connector's requests go inside its streams");
    }
    if (value.has("request") && value.has("requests")) {
      return new SchemaFinding(
          pointer + "/requests",
          true,
          "use either 'request' or 'requests', not both",
          "'request' is one request; 'requests' is a chain of them");
    }
    if (pointer.isEmpty()) {
      return new SchemaFinding(
          "",
          false,
          "missing required key 'request' (or 'requests' for a chain, 'streams' for a connector)",
          null);
    }
    return new SchemaFinding(
        pointer,
        false,
        "missing required key 'request' (or 'requests' for a chain) " + Describe.where(pointer),
        null);
  }

  static String pointer(JsonNodePath path) {
    String pointer = "";
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer =
          element instanceof Integer index
              ? JsonPointers.child(pointer, index)
              : JsonPointers.child(pointer, String.valueOf(element));
    }
    return pointer;
  }
}
