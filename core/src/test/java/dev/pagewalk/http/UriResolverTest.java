package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriResolverTest {
  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource({
    "https://x/v1/items, ?page=2, https://x/v1/items?page=2",
    "https://x, ?page=2, https://x/?page=2",
    "https://x?a=1, '', https://x/?a=1",
    "https://x/v1/items?a=1, '', https://x/v1/items?a=1",
    "https://x/v1/items?a=1#top, #next, https://x/v1/items?a=1#next",
    "https://x/v1/items, next, https://x/v1/next",
    "https://x/v1/items/, next, https://x/v1/items/next",
    "https://x/a/b/c, ../d, https://x/a/d",
    "https://x:8443/a, //y/z?q=1, https://y/z?q=1",
    "https://x/a%20b/c, d%2Fe?f=%26, https://x/a%20b/d%2Fe?f=%26",
    "https://x/a, HTTPS://Other.Example, HTTPS://Other.Example",
    "https://x/a, https://o/p/../q, https://o/p/../q",
  })
  void resolvesAsABrowserDoes(String base, String reference, String expected) throws Exception {
    assertThat(UriResolver.resolve(URI.create(base), URI.create(reference))).hasToString(expected);
  }
}
