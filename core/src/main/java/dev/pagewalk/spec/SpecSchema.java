package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.ValidatorTypeCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published JSON Schema (draft 2020-12) of spec files, loaded once from the classpath. The
 * compiled schema is thread-safe and shared.
 */
final class SpecSchema {
  static final String RESOURCE = "dev/pagewalk/schema/pagewalk-spec-v1.schema.json";
  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  private static final SpecSchema INSTANCE = load();

  private final JsonNode raw;
  private final JsonSchema compiled;

  private SpecSchema(JsonNode raw, JsonSchema compiled) {
    this.raw = raw;
    this.compiled = compiled;
  }

  static SpecSchema get() {
    return INSTANCE;
  }

  Set<ValidationMessage> validate(JsonNode document) {
    return compiled.validate(document);
  }

  /** The schema object at a location such as {@code ...schema.json#/$defs/duration}. */
  JsonNode at(String schemaLocation) {
    int hash = schemaLocation.indexOf('#');
    String fragment = hash < 0 ? "" : schemaLocation.substring(hash + 1);
    return raw.at(fragment);
  }

  /** Follows a local {@code $ref}, if the node has one. */
  JsonNode deref(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref != null && ref.asText().startsWith("#") ? raw.at(ref.asText().substring(1)) : node;
  }

  /**
   * Draft 2020-12 as networknt's {@code Version202012} defines it (keywords, vocabularies, {@code
   * $id}), without the string formats: the schema uses no {@code format}, and building the default
   * formats (e-mail, IP address, date-time and other patterns) was 4 % of {@code pagewalk
   * validate}'s start-up.
   */
  private static JsonMetaSchema draft202012WithoutFormats() {
    Map<String, Boolean> vocabularies = new HashMap<>();
    for (String vocabulary :
        List.of(
            "core",
            "applicator",
            "unevaluated",
            "validation",
            "meta-data",
            "format-annotation",
            "content")) {
      vocabularies.put("https://json-schema.org/draft/2020-12/vocab/" + vocabulary, true);
    }
    return JsonMetaSchema.builder(DRAFT_2020_12)
        .specification(SpecVersion.VersionFlag.V202012)
        .idKeyword("$id")
        .keywords(ValidatorTypeCode.getKeywords(SpecVersion.VersionFlag.V202012))
        .keywords(List.of(new NonValidationKeyword("definitions")))
        .vocabularies(vocabularies)
        .build();
  }

  private static SpecSchema load() {
    // the class loader, not Class.getResourceAsStream: in a named module that would look in this
    // module alone, and the schema is a resource of pagewalk-spec-schema
    try (InputStream in = SpecSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
      }
      JsonNode raw = SchemaTree.read(in);
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
      JsonSchema compiled =
          JsonSchemaFactory.builder()
              .defaultMetaSchemaIri(DRAFT_2020_12)
              .metaSchema(draft202012WithoutFormats())
              .build()
              .getSchema(raw, config);
      compiled.initializeValidators();
      return new SpecSchema(raw, compiled);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
