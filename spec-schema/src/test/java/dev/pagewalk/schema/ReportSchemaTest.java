package dev.pagewalk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The run report's schema: valid, fully described, closed, and it rejects what it should. */
class ReportSchemaTest {
  private static final String RESOURCE = "/dev/pagewalk/schema/pagewalk-report-v1.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = ReportSchemaTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }

  private static List<String> errors(JsonNode report) throws IOException {
    JsonSchema schema = FACTORY.getSchema(read(RESOURCE));
    return schema.validate(report).stream()
        .map(m -> m.getInstanceLocation() + " " + m.getType() + " " + m.getProperty())
        .sorted()
        .toList();
  }

  private static ObjectNode sample() throws IOException {
    return (ObjectNode) read("/samples/report-incomplete.json");
  }

  @Nested
  class TheSchemaItself {
    @Test
    void validatesAgainstTheDraft202012MetaSchema() throws IOException {
      JsonSchema meta =
          FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
      assertThat(meta.validate(read(RESOURCE))).isEmpty();
    }

    @Test
    void declaresItsPublishedIdNextToTheSpecSchema() throws IOException {
      assertThat(read(RESOURCE).path("$id").asText())
          .isEqualTo("https://pagewalk.dev/schema/pagewalk-report-v1.schema.json");
    }

    @Test
    void describesEveryField() throws IOException {
      List<String> undocumented = new ArrayList<>();
      collect(read(RESOURCE), "", undocumented, false);
      assertThat(undocumented).isEmpty();
    }

    @Test
    void closesEveryObjectWithNamedFields() throws IOException {
      List<String> open = new ArrayList<>();
      collect(read(RESOURCE), "", open, true);
      assertThat(open).isEmpty();
    }

    private void collect(JsonNode node, String at, List<String> out, boolean openObjects) {
      if (node.isObject()) {
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) {
          if (openObjects
              && !node.path("additionalProperties").isBoolean()
              && !at.startsWith("/allOf")) {
            out.add(at);
          }
          props
              .fields()
              .forEachRemaining(
                  e -> {
                    if (!openObjects
                        && !e.getValue().has("description")
                        && !at.startsWith("/allOf")) {
                      out.add(at + "/properties/" + e.getKey());
                    }
                  });
        }
        node.fields()
            .forEachRemaining(e -> collect(e.getValue(), at + "/" + e.getKey(), out, openObjects));
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collect(node.get(i), at + "/" + i, out, openObjects);
        }
      }
    }
  }

  @Nested
  class Reports {
    @Test
    void acceptsAnIncompleteRunsReport() throws IOException {
      assertThat(errors(sample())).isEmpty();
    }

    @Test
    void acceptsACancelledRunWithItsFailure() throws IOException {
      ObjectNode r =
          sample()
              .put("outcome", "cancelled")
              .put("stopReason", "cancelled")
              .put("failure", "demo-orders-offset: cancelled");
      assertThat(errors(r)).isEmpty();
    }

    @Test
    void requiresTheFailureOfAFailedRun() throws IOException {
      ObjectNode r = sample().put("outcome", "failed").put("stopReason", "error");
      assertThat(errors(r)).containsExactly("$ required failure");
    }

    @Test
    void rejectsAFailureOnARunThatDidNotFail() throws IOException {
      assertThat(errors(sample().put("failure", "boom"))).containsExactly("$ not null");
    }

    @Test
    void carriesTheCaveatsAsText() throws IOException {
      ObjectNode r = sample();
      r.putArray("caveats").add("archived tickets - use the incremental export");
      assertThat(errors(r)).isEmpty();
      r.putArray("caveats").add(3);
      assertThat(errors(r)).containsExactly("$.caveats[0] type null");
      r.remove("caveats");
      // neither form fits: a run's report lacks its caveats, and it is no connector's report
      assertThat(errors(r)).containsExactlyInAnyOrder("$ required caveats", "$ required streams");
    }

    @Test
    void rejectsACountItDoesNotDescribe() throws IOException {
      ObjectNode r = sample();
      ((ObjectNode) r.get("records")).put("accepted", 3);
      assertThat(errors(r)).containsExactly("$.records additionalProperties accepted");
    }

    @Test
    void rejectsAnUnknownStopReasonAndANegativeCount() throws IOException {
      ObjectNode r = sample().put("stopReason", "done").put("pages", -1);
      assertThat(errors(r)).containsExactly("$.pages minimum null", "$.stopReason enum null");
    }
  }
}
