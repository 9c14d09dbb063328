package dev.pagewalk.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagewalk.Diagnostic;
import dev.pagewalk.spec.SpecDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code parameters} and {@code connection} declarations. */
final class ParamReader {
  private ParamReader() {}

  @SuppressWarnings("unchecked")
  static List<ParamDecl> read(SpecDocument doc, String at, List<Diagnostic> problems) {
    List<ParamDecl> decls = new ArrayList<>();
    JsonNode node = doc.tree().at(at);
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String pointer = at + "/" + f.getKey();
      JsonNode d = f.getValue();
      Pattern pattern = null;
      if (d.has("pattern")) {
        String regex = d.get("pattern").asText();
        try {
          pattern = Pattern.compile(regex);
          String nested = NestedQuantifiers.find(regex);
          if (nested != null) {
            pattern = null;
            problems.add(
                doc.diagnostic(
                    pointer + "/pattern",
                    "pattern of "
                        + kind(at)
                        + " '"
                        + f.getKey()
                        + "' repeats a group that repeats"
                        + " itself ('"
                        + nested
                        + "'): matching can take exponential time",
                    "make the inner repetition possessive (a++) or the group atomic ((?>...))"));
          }
        } catch (PatternSyntaxException e) {
          problems.add(
              doc.diagnostic(pointer + "/pattern", "invalid pattern: " + e.getDescription(), null));
        }
      }
      decls.add(
          new ParamDecl(
              f.getKey(),
              ParamType.fromWireName(d.path("type").asText("string")),
              d.path("required").asBoolean(false),
              doc.plain(pointer + "/default"),
              d.has("enum") ? (List<Object>) doc.plain(pointer + "/enum") : null,
              d.has("minimum") ? new BigDecimal(d.get("minimum").asText()) : null,
              d.has("maximum") ? new BigDecimal(d.get("maximum").asText()) : null,
              pattern,
              d.has("description") ? d.get("description").asText() : null,
              d.path("secret").asBoolean(false)));
    }
    return decls;
  }

  private static String kind(String at) {
    return at.equals("/connection") ? "connection value" : "parameter";
  }
}
