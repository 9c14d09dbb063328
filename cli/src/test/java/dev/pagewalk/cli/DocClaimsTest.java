package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims the docs once made that the code contradicted, checked against the code: the keys the
 * engine enforces are not called "not yet enforced", and {@code baseUrl} is described as the
 * template the loader compiles.
 */
class DocClaimsTest {
  @TempDir Path dir;

  @Test
  void noDocumentCallsAKeyNotYetEnforced() throws IOException {
    List<String> claims = new ArrayList<>();
    for (Path doc : DocShellBlocksTest.documents()) {
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).toLowerCase(java.util.Locale.ROOT).contains("not yet enforced")) {
          claims.add(doc.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    assertThat(claims).isEmpty();
  }

  @Test
  void baseUrlIsATemplateAsTheSpecLibraryReadmeSays() throws IOException {
    Path spec = dir.resolve("tenant.yaml");
    Files.writeString(
        spec,
        """
        pagewalk: 1
        name: tenant
        baseUrl: "https://{{connection.store}}.example.com"
        connection:
          store: {type: string, required: true}
        request:
          url: /items
        """);
    assertThat(Pagewalk.load(spec).name()).isEqualTo("tenant");
    Files.writeString(spec, Files.readString(spec).replace("connection.store", "connection.stor"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pagewalk.load(spec))
        .isInstanceOf(SpecException.class);
    Path readme = Path.of("..", "specs", "README.md");
    assertThat(Files.readString(readme))
        .contains("`baseUrl` is a template")
        .doesNotContain("`baseUrl` is plain text");
  }
}
