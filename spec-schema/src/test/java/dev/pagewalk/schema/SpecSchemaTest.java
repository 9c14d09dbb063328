package dev.pagewalk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecSchemaTest {
  private static final String RESOURCE = "/dev/pagewalk/schema/pagewalk-spec-v1.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = SpecSchemaTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }

  private static JsonSchema specSchema() throws IOException {
    return FACTORY.getSchema(read(RESOURCE));
  }

  private static List<String> errors(JsonNode document) throws IOException {
    Set<ValidationMessage> messages = specSchema().validate(document);
    return messages.stream()
        .map(m -> m.getInstanceLocation() + " " + m.getType())
        .sorted()
        .collect(Collectors.toList());
  }

  @Nested
  class TheSchemaItself {
    @Test
    void validatesAgainstTheDraft202012MetaSchema() throws IOException {
      JsonSchema meta =
          FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
      assertThat(meta.validate(read(RESOURCE))).isEmpty();
      assertThat(meta.validate(JSON.readTree("{\"type\": \"integr\"}"))).isNotEmpty();
    }

    @Test
    void declaresItsPublishedId() throws IOException {
      assertThat(read(RESOURCE).path("$id").asText())
          .isEqualTo("https://pagewalk.dev/schema/pagewalk-spec-v1.schema.json");
    }

    @Test
    void describesEveryProperty() throws IOException {
      List<String> undocumented = new ArrayList<>();
      collectUndocumented(read(RESOURCE), "", undocumented);
      assertThat(undocumented).isEmpty();
    }

    @Test
    void closesEveryObject() throws IOException {
      List<String> open = new ArrayList<>();
      collectOpenObjects(read(RESOURCE), "", open);
      assertThat(open).isEmpty();
    }

    private void collectUndocumented(JsonNode node, String at, List<String> out) {
      if (node.isObject()) {
        for (String group : List.of("properties", "patternProperties")) {
          JsonNode props = node.get(group);
          if (props != null && props.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
              Map.Entry<String, JsonNode> e = it.next();
              if (!e.getValue().has("description")) {
                out.add(at + "/" + group + "/" + e.getKey());
              }
            }
          }
        }
        node.fields()
            .forEachRemaining(e -> collectUndocumented(e.getValue(), at + "/" + e.getKey(), out));
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collectUndocumented(node.get(i), at + "/" + i, out);
        }
      }
    }

    private void collectOpenObjects(JsonNode node, String at, List<String> out) {
      if (node.isObject()) {
        if (node.has("properties") && !node.path("additionalProperties").isBoolean()) {
          out.add(at);
        }
        node.fields()
            .forEachRemaining(e -> collectOpenObjects(e.getValue(), at + "/" + e.getKey(), out));
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collectOpenObjects(node.get(i), at + "/" + i, out);
        }
      }
    }
  }

  @Nested
  class SampleSpecs {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stripe-customers.json", "token-chain.json"})
    void validate(String sample) throws IOException {
      assertThat(errors(read("/samples/" + sample))).isEmpty();
    }
  }

  @Nested
  class KnownBadSpecs {
    private JsonNode doc(String json) throws IOException {
      return JSON.readTree(json);
    }

    @Test
    void rejectsAnUnknownKey() throws IOException {
      assertThat(
              errors(
                  doc(
                      "{\"pagewalk\":1,\"name\":\"a\",\"request\":{\"url\":\"/\",\"paginaton\":{}}}")))
          .containsExactly("$.request additionalProperties");
    }

    @Test
    void requiresTheFormatVersionAndName() throws IOException {
      assertThat(errors(doc("{\"request\":{\"url\":\"/\"}}")))
          .containsExactly("$ required", "$ required");
    }

    @Test
    void rejectsBothRequestAndRequests() throws IOException {
      assertThat(
              errors(
                  doc(
                      "{\"pagewalk\":1,\"name\":\"a\",\"request\":{\"url\":\"/\"},\"requests\":[{\"url\":\"/\"}]}")))
          .containsExactly("$ oneOf");
    }

    @Test
    void rejectsAWordForALimit() throws IOException {
      assertThat(
              errors(
                  doc(
                      "{\"pagewalk\":1,\"name\":\"a\",\"request\":{\"url\":\"/\"},\"limits\":{\"maxRecords\":\"lots\"}}")))
          .contains("$.limits.maxRecords oneOf");
    }

    @Test
    void acceptsUnlimitedAndStatusOverrides() throws IOException {
      assertThat(
              errors(
                  doc(
                      "{\"pagewalk\":1,\"name\":\"a\",\"limits\":{\"timeout\":\"unlimited\"},"
                          + "\"request\":{\"url\":\"/\",\"response\":{\"error\":{\"404\":{\"message\":\"gone\"}}}}}")))
          .isEmpty();
    }

    @Test
    void acceptsProviderDocsAndTheDateTheyWereChecked() throws IOException {
      assertThat(
              errors(
                  doc(
                      "{\"pagewalk\":1,\"name\":\"a\",\"request\":{\"url\":\"/\"},"
                          + "\"docs\":[\"https://docs.stripe.com/api/pagination\"],"
                          + "\"checked\":\"2026-12-05\"}")))
          .isEmpty();
    }

    @Test
    void rejectsACheckedDateThatIsNotIso8601() throws IOException {
      assertThat(
              errors(
                  doc(
                      "{\"pagewalk\":1,\"name\":\"a\",\"request\":{\"url\":\"/\"},"
                          + "\"checked\":\"5 Dec 2026\"}")))
          .containsExactly("$.checked pattern");
    }

    @Test
    void rejectsDocsThatAreNotHttpsUrls() throws IOException {
      assertThat(
              errors(
                  doc(
                      "{\"pagewalk\":1,\"name\":\"a\",\"request\":{\"url\":\"/\"},"
                          + "\"docs\":[\"stripe docs\"]}")))
          .containsExactly("$.docs[0] pattern");
    }

    @Test
    void rejectsAStatusOverrideOutsideTheHttpRange() throws IOException {
      assertThat(
              errors(
                  doc(
                      "{\"pagewalk\":1,\"name\":\"a\","
                          + "\"request\":{\"url\":\"/\",\"response\":{\"error\":{\"604\":{\"message\":\"x\"}}}}}")))
          .containsExactly("$.request.response.error additionalProperties");
    }
  }
}
