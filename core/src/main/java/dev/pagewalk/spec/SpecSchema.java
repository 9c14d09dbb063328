package dev.pagewalk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.pagewalk.json.JsonConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The published JSON Schema (draft 2020-12) of spec files, loaded once from the classpath. The
 * compiled schema is thread-safe and shared.
 */
final class SpecSchema {
  static final String RESOURCE = "dev/pagewalk/schema/pagewalk-spec-v1.schema.json";

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

  private static SpecSchema load() {
    // the class loader, not Class.getResourceAsStream: in a named module that would look in this
    // module alone, and the schema is a resource of pagewalk-spec-schema
    try (InputStream in = SpecSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
      }
      JsonNode raw = JsonConfig.MAPPER.readTree(in);
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
      JsonSchema compiled =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(raw, config);
      compiled.initializeValidators();
      return new SpecSchema(raw, compiled);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
