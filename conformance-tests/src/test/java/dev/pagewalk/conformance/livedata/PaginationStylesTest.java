package dev.pagewalk.conformance.livedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaginationStylesTest {

  static LiveDataServer start(Style style, int size) {
    return LiveDataServer.start(
        LiveDataConfig.builder().size(size).style(style).pageSize(10).build());
  }

  @Test
  void saysHowEachRequestWasAnswered() throws Exception {
    try (LiveDataServer server =
        LiveDataServer.start(
            LiveDataConfig.fromMap(
                java.util.Map.of(
                    "faults",
                    java.util.List.of(
                        java.util.Map.of("request", 1, "status", 503),
                        java.util.Map.of("request", 3, "status", 429, "retryAfter", "2")))))) {
      TestClient client = new TestClient(server);
      client.get("/items?offset=0");
      client.get("/items?offset=0");
      client.get("/items?offset=10");
      assertThat(server.answers()).containsExactly("503", "200", "429");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Style.class)
  void readsEveryIdExactlyOnceFromAStaticDataset(Style style) throws Exception {
    try (LiveDataServer server = start(style, 23)) {
      assertThat(new TestClient(server).walk(style, 5))
          .containsExactlyElementsOf(TestClient.range(1, 23));
      assertThat(server.requestCount()).isEqualTo(5);
      assertThat(server.expectation().verify(TestClient.range(1, 23)).complete()).isTrue();
    }
  }

  @Nested
  class Offset {
    @Test
    void servesTheWindowAndTheTotal() throws Exception {
      try (LiveDataServer server = start(Style.OFFSET, 23)) {
        TestClient.Reply reply = new TestClient(server).get("/items?offset=20&limit=5");
        assertThat(reply.json().get("total").asInt()).isEqualTo(23);
        assertThat(reply.json().get("data"))
            .extracting(n -> n.get("id").asText())
            .containsExactly("21", "22", "23");
      }
    }

    @Test
    void capsTheLimitAtMaxPageSize() throws Exception {
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.builder().size(30).pageSize(5).maxPageSize(8).build())) {
        assertThat(new TestClient(server).get("/items?limit=50").json().get("data")).hasSize(8);
      }
    }

    @Test
    void inflatesTheServedTotalByTotalOffsetButNotTheData() throws Exception {
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.fromMap(
                  java.util.Map.of("dataset", java.util.Map.of("size", 23), "totalOffset", 3)))) {
        TestClient.Reply reply = new TestClient(server).get("/items?offset=20&limit=5");
        assertThat(reply.json().get("total").asInt()).isEqualTo(26);
        assertThat(reply.json().get("data")).hasSize(3);
      }
    }

    @Test
    void answers400ForANegativeOffset() throws Exception {
      try (LiveDataServer server = start(Style.OFFSET, 3)) {
        TestClient.Reply reply = new TestClient(server).get("/items?offset=-1");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("offset must be >= 0 but was -1");
      }
    }
  }

  @Nested
  class Page {
    @Test
    void numbersPagesFromZeroWhenConfigured() throws Exception {
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.builder()
                  .size(12)
                  .style(Style.PAGE)
                  .firstPage(0)
                  .pageSize(5)
                  .build())) {
        TestClient.Reply reply = new TestClient(server).get("/items?page=0");
        assertThat(reply.json().get("data"))
            .extracting(n -> n.get("id").asInt())
            .containsExactly(1, 2, 3, 4, 5);
        assertThat(reply.json().get("page").asInt()).isZero();
        assertThat(reply.json().get("per_page").asInt()).isEqualTo(5);
        assertThat(reply.json().get("total").asInt()).isEqualTo(12);
        assertThat(reply.json().get("total_pages").asInt()).isEqualTo(3);
      }
    }

    @Test
    void servesAnEmptyPagePastTheEnd() throws Exception {
      try (LiveDataServer server = start(Style.PAGE, 12)) {
        assertThat(new TestClient(server).get("/items?page=5&per_page=5").json().get("data"))
            .isEmpty();
      }
    }
  }

  @Nested
  class Token {
    @Test
    void endsWithANullTokenAndRejectsAMalformedOne() throws Exception {
      try (LiveDataServer server = start(Style.TOKEN, 3)) {
        TestClient client = new TestClient(server);
        assertThat(client.get("/items?limit=5").json().get("next_page_token").isNull()).isTrue();
        TestClient.Reply bad = client.get("/items?page_token=bm9wZQ");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("malformed page_token: bm9wZQ");
      }
    }
  }

  @Nested
  class Keyset {
    @Test
    void answers400ForAnIdThatNeverExisted() throws Exception {
      try (LiveDataServer server = start(Style.KEYSET, 3)) {
        TestClient.Reply reply = new TestClient(server).get("/items?after_id=99");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("unknown after_id: 99");
      }
    }

    @Test
    void acceptsStringIds() throws Exception {
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.builder().dataset(4, 1, IdType.STRING).style(Style.KEYSET).build())) {
        TestClient.Reply reply = new TestClient(server).get("/items?after_id=item-000002");
        assertThat(reply.json().get("data"))
            .extracting(n -> n.get("id").asText())
            .containsExactly("item-000003", "item-000004");
      }
    }
  }

  @Nested
  class NextUrl {
    @Test
    void givesAnAbsoluteNextUrlOnTheServersOrigin() throws Exception {
      try (LiveDataServer server = start(Style.NEXT_URL, 12)) {
        String next = new TestClient(server).get("/items?limit=5").json().get("next").asText();
        assertThat(next).startsWith(server.baseUrl() + "/items?cursor=").endsWith("&limit=5");
      }
    }
  }

  @Nested
  class Link {
    @Test
    void sendsABareArrayAndANextLinkUntilTheLastPage() throws Exception {
      try (LiveDataServer server = start(Style.LINK, 7)) {
        TestClient client = new TestClient(server);
        TestClient.Reply first = client.get("/items?limit=5");
        assertThat(first.json().isArray()).isTrue();
        assertThat(first.header("Link"))
            .hasValueSatisfying(
                link ->
                    assertThat(link)
                        .matches(
                            "<"
                                + java.util.regex.Pattern.quote(server.baseUrl())
                                + "/items\\?cursor=[\\w-]+&limit=5>; rel=\"next\""));
        assertThat(client.get("/items?limit=10").header("Link")).isEmpty();
      }
    }
  }

  @Nested
  class HasMore {
    @Test
    void saysHasMoreFalseOnTheLastPage() throws Exception {
      try (LiveDataServer server = start(Style.HAS_MORE, 7)) {
        TestClient client = new TestClient(server);
        assertThat(client.get("/items?limit=5").json().get("has_more").asBoolean()).isTrue();
        assertThat(client.get("/items?limit=5&starting_after=5").json().get("has_more").asBoolean())
            .isFalse();
      }
    }
  }
}
