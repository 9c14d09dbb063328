package dev.pagewalk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinkHeaderTest {
  static final URI BASE = URI.create("https://api.x.com/v1/items?page=1");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "single absolute link",
            List.of("<https://api.x.com/v1/items?page=2>; rel=\"next\""),
            Map.of("next", "https://api.x.com/v1/items?page=2")),
        Arguments.of(
            "several links in one header (GitHub style)",
            List.of(
                "<https://api.x.com/v1/items?page=2>; rel=\"next\", <https://api.x.com/v1/items?page=9>; rel=\"last\""),
            Map.of(
                "next",
                "https://api.x.com/v1/items?page=2",
                "last",
                "https://api.x.com/v1/items?page=9")),
        Arguments.of(
            "links spread over several headers",
            List.of("<?page=2>; rel=next", "</v1/items?page=0>; rel=prev"),
            Map.of(
                "next",
                "https://api.x.com/v1/items?page=2",
                "prev",
                "https://api.x.com/v1/items?page=0")),
        Arguments.of(
            "relative targets resolved against the request URI",
            List.of("<items?page=3>; rel=\"next\""),
            Map.of("next", "https://api.x.com/v1/items?page=3")),
        Arguments.of(
            "several relations in one rel",
            List.of("<https://a/p2>; rel=\"next prev\""),
            Map.of("next", "https://a/p2", "prev", "https://a/p2")),
        Arguments.of(
            "relation names lower-cased",
            List.of("<https://a/p2>; rel=\"NEXT\""),
            Map.of("next", "https://a/p2")),
        Arguments.of(
            "first link for a relation wins",
            List.of("<https://a/first>; rel=next, <https://a/second>; rel=next"),
            Map.of("next", "https://a/first")),
        Arguments.of(
            "commas and semicolons inside quotes and targets",
            List.of(
                "<https://a/x?ids=1,2;3>; title=\"a, b; c\"; rel=\"next\", <https://a/y>; rel=last"),
            Map.of("next", "https://a/x?ids=1,2;3", "last", "https://a/y")),
        Arguments.of(
            "only the first rel parameter counts",
            List.of("<https://a/x>; rel=next; rel=prev"),
            Map.of("next", "https://a/x")),
        Arguments.of(
            "links without rel ignored",
            List.of("<https://a/x>; title=\"no rel\", <https://a/y>; rel=next"),
            Map.of("next", "https://a/y")),
        Arguments.of(
            "garbage skipped, later links kept",
            List.of("garbage; rel=next, <https://a/ok>; rel=next"),
            Map.of("next", "https://a/ok")),
        Arguments.of("invalid target skipped", List.of("<https://a/bad path>; rel=next"), Map.of()),
        Arguments.of("empty header", List.of(""), Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String name, List<String> values, Map<String, String> expected) {
    assertThat(LinkHeader.parse(values, BASE)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @org.junit.jupiter.api.Test
  void keepsHeaderOrder() {
    assertThat(
            LinkHeader.parse(List.of("<https://a/1>; rel=last, <https://a/2>; rel=next"), BASE)
                .keySet())
        .containsExactly("last", "next");
  }
}
