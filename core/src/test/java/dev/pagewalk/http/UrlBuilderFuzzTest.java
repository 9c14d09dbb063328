package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fuzz target: the URL builder, with and without encoding, either refuses a URL with its own
 * message ("invalid URL …", "relative URL … needs a baseUrl") or returns an absolute http(s) URI
 * with a host and no fragment. Input lines: the base URL, the request URL, then query parameters
 * {@code name=value}.
 */
class UrlBuilderFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void buildsOrRefusesAnyUrl(byte[] input) {
    List<String> lines = new String(input, StandardCharsets.UTF_8).lines().toList();
    String base = lines.isEmpty() ? null : lines.get(0);
    String url = lines.size() < 2 ? null : lines.get(1);
    Map<String, Object> qs = new LinkedHashMap<>();
    for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
      int eq = line.indexOf('=');
      qs.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? null : line.substring(eq + 1));
    }
    for (boolean encode : new boolean[] {true, false}) {
      URI uri;
      try {
        uri = UrlBuilder.build(base, url, qs, encode);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage())
            .matches("(?s)(invalid URL \".*|relative URL \".*\" needs a baseUrl)");
        continue;
      }
      assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
      assertThat(uri.getHost()).isNotNull();
      assertThat(uri.getRawFragment()).isNull();
    }
  }
}
