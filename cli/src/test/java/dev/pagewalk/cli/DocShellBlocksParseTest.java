package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the doc test reads Markdown: which blocks are shell blocks, commands, output, directives. */
class DocShellBlocksParseTest {
  private static final String DOC =
      String.join(
          "\n",
          "Intro.",
          "",
          "<!-- doc-test: exits 0 1 -->",
          "```",
          "$ ./pagewalk mock cases/a --port 8080 &",
          "listening",
          "$ ./pagewalk run a.yaml \\",
          "    --base-url http://127.0.0.1:8080",
          "{\"id\":1}",
          "...",
          "```",
          "",
          "```yaml",
          "$ not: shell",
          "```",
          "",
          "```",
          "plain output, no prompt",
          "```",
          "",
          "   <!-- doc-test: skip (needs a token) -->",
          "   ```bash",
          "   pagewalk run x.yaml",
          "   ```",
          "");

  @Test
  void findsPromptedAndTaggedShellBlocksWithTheirDirectives() {
    List<DocShellBlocks.Block> blocks = DocShellBlocks.parse(DOC);

    assertThat(blocks).extracting(DocShellBlocks.Block::line).containsExactly(4, 22);
    DocShellBlocks.Block first = blocks.get(0);
    assertThat(first.commands())
        .containsExactly(
            new DocShellBlocks.Command(
                "./pagewalk mock cases/a --port 8080", List.of("listening"), true),
            new DocShellBlocks.Command(
                "./pagewalk run a.yaml  --base-url http://127.0.0.1:8080",
                List.of("{\"id\":1}", "..."),
                false));
    assertThat(first.skip()).isNull();
    assertThat(List.of(first.expectedExit(0), first.expectedExit(1), first.expectedExit(2)))
        .containsExactly(0, 1, 0);
    DocShellBlocks.Block second = blocks.get(1);
    assertThat(second.skip()).isEqualTo("needs a token");
    assertThat(second.commands())
        .containsExactly(new DocShellBlocks.Command("pagewalk run x.yaml", List.of(), false));
  }

  @Test
  void outputLinesAreComparedWithoutDurationsUuidsOrElisions() {
    String printed =
        "complete (condition-false): 5 records in 1.2s\n"
            + "  \"runId\" : \"1c65e8d4-d992-4fa5-908e-97db1e82a7ff\",\n1 case: 1 passed (9.9s)\n";
    assertThat(
            DocShellBlocksTest.missing(
                List.of(
                    "complete (condition-false): 5 records in 1.6s",
                    "\"runId\" : \"5f6f74b6-0000-4000-8000-000000000000\",",
                    "1 case: 1 passed (2.1s)",
                    "  ...",
                    "nothing … here",
                    ""),
                printed))
        .isEmpty();
    assertThat(DocShellBlocksTest.missing(List.of("1 cases: 1 passed (2.1s)"), printed))
        .containsExactly("1 cases: 1 passed (2.1s)");
  }
}
