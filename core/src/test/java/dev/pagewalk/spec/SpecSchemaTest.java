package dev.pagewalk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the schema loaded for validation leaves out must be unused by the schema. */
class SpecSchemaTest {
  @Test
  void theSchemaUsesNoStringFormatSoNoneIsBuilt() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(SpecSchema.RESOURCE)) {
      String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(schema).contains("\"pattern\"").doesNotContain("\"format\"");
    }
  }
}
