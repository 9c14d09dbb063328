package dev.pagewalk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.SpecException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
  private static final String HEAD = "pagewalk: 1\nname: demo\n";

  static List<Diagnostic> diagnostics(String yaml) {
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> SpecReader.read("demo.yaml", yaml));
    assertThat(e).as("expected the spec to be rejected").isNotNull();
    return e.diagnostics();
  }

  static List<String> headlines(String yaml) {
    return diagnostics(yaml).stream().map(Diagnostic::headline).toList();
  }

  static Diagnostic only(String yaml) {
    List<Diagnostic> all = diagnostics(yaml);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Nested
  class AGoodSpec {
    @Test
    void readsFromAFileWithItsTreeAndHash() throws URISyntaxException, IOException {
      Path file = Path.of(getClass().getResource("/spec/stripe-customers.yaml").toURI());
      SpecDocument doc = SpecReader.read(file);
      assertThat(doc.fileName()).isEqualTo(file.toString());
      assertThat(doc.tree().path("name").asText()).isEqualTo("stripe-customers");
      assertThat(doc.plain("/request/response/error/404"))
          .isEqualTo(Map.of("message", "no such customer"));
      assertThat(doc.plain("/retry/on")).isEqualTo(
          List.of(408L, 425L, 429L, 500L, 502L, 503L, 504L, "io"));
      assertThat(doc.contentHash()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void hashesTheSourceText() {
      String yaml = HEAD + "request: {url: /x}\n";
      assertThat(SpecReader.read("a.yaml", yaml).contentHash())
          .isEqualTo(SpecReader.read("b.yaml", yaml).contentHash())
          .isNotEqualTo(SpecReader.read("a.yaml", yaml + "# changed\n").contentHash());
    }

    @Test
    void acceptsAChainOfRequests() {
      SpecDocument doc = SpecReader.read("demo.yaml",
          HEAD + "requests:\n  - url: /token\n    method: POST\n  - url: /items\n");
      assertThat(doc.plain("/requests/1/url")).isEqualTo("/items");
    }
  }

  @Nested
  class FileSize {
    @Test
    void refusesTextOverOneMebibyteBeforeParsing() {
      String yaml = HEAD + "request: {url: /x}\n#" + "x".repeat(1024 * 1024) + "\n";
      assertThat(only(yaml).format()).isEqualTo(
          "demo.yaml:1:1: file too large: 1048620 bytes, the limit is 1048576 bytes (1 MiB) (at /)");
    }

    @Test
    void refusesAFileOverOneMebibyte(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("big.yaml");
      Files.writeString(file, "#" + "x".repeat(2 * 1024 * 1024));
      SpecException e = catchThrowableOfType(SpecException.class, () -> SpecReader.read(file));
      assertThat(e.diagnostics()).extracting(Diagnostic::message)
          .containsExactly("file too large: 2097153 bytes, the limit is 1048576 bytes (1 MiB)");
    }
  }
}
