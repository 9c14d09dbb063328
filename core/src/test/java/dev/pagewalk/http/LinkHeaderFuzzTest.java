package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzz target: any {@code Link} header values (one per input line) parse without an exception (a
 * broken header must not fail a run that does not use it), and every link is an absolute URI.
 */
class LinkHeaderFuzzTest {
  static final URI BASE = URI.create("https://api.example.com/v1/items?page=2");

  @FuzzTest(maxDuration = "2m")
  void parsesAnyHeader(byte[] input) {
    Map<String, String> links =
        LinkHeader.parse(new String(input, StandardCharsets.UTF_8).lines().toList(), BASE);
    for (String target : links.values()) {
      assertThat(URI.create(target).isAbsolute()).as(target).isTrue();
    }
  }
}
