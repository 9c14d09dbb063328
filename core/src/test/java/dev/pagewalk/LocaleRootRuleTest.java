package dev.pagewalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Case mapping never depends on the machine's locale: under a Turkish locale, lower-casing {@code
 * "TITLE"} without a locale gives {@code "tıtle"}, which breaks header names, enum names and
 * keywords. Every Java file of every module passes {@code Locale.ROOT} (or another explicit
 * locale).
 */
class LocaleRootRuleTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DEFAULT_LOCALE_CASE =
      Pattern.compile("\\.to(Lower|Upper)Case\\(\\)|String::to(Lower|Upper)Case\\b");

  @Test
  void noCaseMappingUsesTheDefaultLocale() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().contains("/src/"))
          .sorted()
          .forEach(f -> found.addAll(offending(f)));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theRuleSeesBothSpellings() {
    // spelt in two pieces so that this file does not match itself
    assertThat(DEFAULT_LOCALE_CASE.matcher("name.toLowerCase" + "()").find()).isTrue();
    assertThat(DEFAULT_LOCALE_CASE.matcher("map(String::" + "toUpperCase)").find()).isTrue();
    assertThat(DEFAULT_LOCALE_CASE.matcher("name.toLowerCase(Locale.ROOT)").find()).isFalse();
  }

  private static List<String> offending(Path file) {
    List<String> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (DEFAULT_LOCALE_CASE.matcher(lines.get(i)).find()) {
          out.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
