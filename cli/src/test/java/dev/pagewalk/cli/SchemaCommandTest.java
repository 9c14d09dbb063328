package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {
  @Test
  void printsTheSpecSchema() throws IOException {
    Cli.Result r = Cli.plain().run("schema");
    assertThat(r.code()).isEqualTo(ExitCodes.COMPLETE);
    JsonNode schema = new ObjectMapper().readTree(r.out());
    assertThat(schema.get("$id").asText())
        .isEqualTo("https://pagewalk.dev/schema/pagewalk-spec-v1.schema.json");
    assertThat(r.out()).isEqualTo(SchemaCommand.text());
  }
}
