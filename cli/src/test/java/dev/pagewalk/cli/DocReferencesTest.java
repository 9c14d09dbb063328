package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The docs cite only documents that are in the repository. */
class DocReferencesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern CITED = Pattern.compile("[A-Za-z0-9_./-]+\\.md\\b");

  @Test
  void everyMarkdownDocumentTheDocsNameExists() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .filter(p -> p.toString().endsWith(".md"))
          .forEach(p -> names.add(p.getFileName().toString()));
    }
    List<String> dangling = new ArrayList<>();
    for (Path doc : DocShellBlocksTest.documents()) {
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = CITED.matcher(lines.get(i));
        while (m.find()) {
          String cited = m.group();
          boolean exists =
              Files.exists(doc.getParent().resolve(cited))
                  || Files.exists(ROOT.resolve(cited))
                  || names.contains(Path.of(cited).getFileName().toString());
          if (!exists) {
            dangling.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + cited);
          }
        }
      }
    }
    assertThat(dangling).isEmpty();
  }
}
