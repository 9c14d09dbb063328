package dev.pagewalk.conformance.livedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaultsTest {

  static LiveDataServer start(Style style, FaultSpec fault) {
    return LiveDataServer.start(
        LiveDataConfig.builder().size(12).style(style).pageSize(5).fault(fault).build());
  }

  @Nested
  class StatusFaults {
    @Test
    void serves503WithTheConfiguredBodyOnItsRequestAndThenThePage() throws Exception {
      try (LiveDataServer server =
          start(Style.OFFSET, new FaultSpec.Status(2, 503, "{\"error\":\"busy\"}", null, null))) {
        TestClient client = new TestClient(server);
        client.get("/items?offset=0");
        TestClient.Reply faulted = client.get("/items?offset=5");
        TestClient.Reply retried = client.get("/items?offset=5");

        assertThat(faulted.status()).isEqualTo(503);
        assertThat(faulted.raw().body()).isEqualTo("{\"error\":\"busy\"}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("data").get(0).get("id").asInt()).isEqualTo(6);
      }
    }

    @Test
    void serves429WithRetryAfterSeconds() throws Exception {
      try (LiveDataServer server =
          start(Style.TOKEN, new FaultSpec.Status(1, 429, null, "2", null))) {
        TestClient.Reply reply = new TestClient(server).get("/items");
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).hasValue("2");
        assertThat(reply.json().get("error").asText()).isEqualTo("injected 429");
      }
    }

    @Test
    void serves429WithRetryAfterAsAnHttpDateFromTheClock() throws Exception {
      long now = java.time.Instant.parse("2025-03-04T05:06:07Z").toEpochMilli();
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.builder().fault(new FaultSpec.Status(1, 429, null, null, 3)).build(),
              () -> now)) {
        assertThat(new TestClient(server).get("/items").header("Retry-After"))
            .hasValue("Tue, 4 Mar 2025 05:06:10 GMT");
      }
    }
  }

  @Nested
  class SocketFaults {
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class)
    void failsTheFaultedRequestAndServesTheSamePageOnRetry(Fault fault) throws Exception {
      try (LiveDataServer server = start(Style.HAS_MORE, new FaultSpec.Wire(2, fault))) {
        TestClient client = new TestClient(server);
        client.get("/items?limit=5");
        assertThatThrownBy(() -> client.get("/items?limit=5&starting_after=5"))
            .isInstanceOfAny(IOException.class);
        assertThat(
                client
                    .get("/items?limit=5&starting_after=5")
                    .json()
                    .get("data")
                    .get(0)
                    .get("id")
                    .asInt())
            .isEqualTo(6);
        assertThat(client.walk(Style.HAS_MORE, 5))
            .containsExactlyElementsOf(TestClient.range(1, 12));
      }
    }
  }

  @Nested
  class SlowAndBrokenBodies {
    @Test
    void dribblesTheNormalPageOverTheConfiguredTimeAndServesTheRetryAtOnce() throws Exception {
      try (LiveDataServer server = start(Style.OFFSET, new FaultSpec.Dribble(1, 10, 1500))) {
        TestClient client = new TestClient(server);
        long started = System.nanoTime();
        TestClient.Reply dribbled = client.get("/items");
        long dribbleMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        TestClient.Reply retried = client.get("/items");
        long retryMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(dribbled.json()).isEqualTo(retried.json());
        assertThat(dribbled.json().get("data")).hasSize(5);
        assertThat(dribbleMillis).isGreaterThanOrEqualTo(1000);
        assertThat(retryMillis).isLessThan(1000);
      }
    }

    @Test
    void truncatesTheJsonBodyOnItsRequestOnly() throws Exception {
      try (LiveDataServer server = start(Style.KEYSET, new FaultSpec.TruncatedJson(1))) {
        TestClient client = new TestClient(server);
        assertThatThrownBy(() -> client.get("/items")).isInstanceOf(JsonProcessingException.class);
        assertThat(client.get("/items").json().get("data")).hasSize(5);
      }
    }
  }

  @Nested
  class EmptyPageWithNext {
    @ParameterizedTest(name = "{0}")
    @EnumSource(
        value = Style.class,
        names = {"OFFSET", "TOKEN", "NEXT_URL", "LINK", "HAS_MORE"})
    void servesNoDataButSaysMoreFollowsAndLosesNothingWhenFollowed(Style style) throws Exception {
      try (LiveDataServer server = start(style, new FaultSpec.EmptyPageWithNext(2))) {
        TestClient client = new TestClient(server);
        assertThat(client.walk(style, 5)).containsExactlyElementsOf(TestClient.range(1, 12));
        assertThat(server.requestCount()).isEqualTo(4);
      }
    }

    @Test
    void pageStyleKeepsTheTotalsSoTheSamePageCanBeAskedAgain() throws Exception {
      try (LiveDataServer server = start(Style.PAGE, new FaultSpec.EmptyPageWithNext(1))) {
        TestClient client = new TestClient(server);
        TestClient.Reply empty = client.get("/items?page=2");

        assertThat(empty.json().get("data")).isEmpty();
        assertThat(empty.json().get("page").asInt()).isEqualTo(2);
        assertThat(empty.json().get("total_pages").asInt()).isEqualTo(3);
        assertThat(client.get("/items?page=2").json().get("data"))
            .extracting(n -> n.get("id").asInt())
            .containsExactly(6, 7, 8, 9, 10);
      }
    }

    @Test
    void keysetStyleHasNoContinuationSignalSoTheEmptyPageLooksLikeTheEnd() throws Exception {
      try (LiveDataServer server = start(Style.KEYSET, new FaultSpec.EmptyPageWithNext(2))) {
        List<String> ids = new TestClient(server).walk(Style.KEYSET, 5);
        assertThat(server.expectation().verify(ids).missing())
            .containsExactlyElementsOf(TestClient.range(6, 12));
      }
    }

    @Test
    void givesAFreshTokenForTheSamePosition() throws Exception {
      try (LiveDataServer server = start(Style.TOKEN, new FaultSpec.EmptyPageWithNext(2))) {
        TestClient client = new TestClient(server);
        String first = client.get("/items?limit=5").json().get("next_page_token").asText();
        TestClient.Reply empty = client.get("/items?limit=5&page_token=" + first);

        assertThat(empty.json().get("data")).isEmpty();
        assertThat(empty.json().get("next_page_token").asText()).isNotEqualTo(first);
        assertThat(
                client
                    .get(
                        "/items?limit=5&page_token=" + empty.json().get("next_page_token").asText())
                    .json()
                    .get("data")
                    .get(0)
                    .get("id")
                    .asInt())
            .isEqualTo(6);
      }
    }
  }

  @Nested
  class RepeatLastPagePastEnd {
    @Test
    void pageStyleReturnsTheLastPageForEveryPageNumberPastTheEnd() throws Exception {
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.builder()
                  .size(12)
                  .style(Style.PAGE)
                  .pageSize(5)
                  .repeatLastPagePastEnd(true)
                  .build())) {
        TestClient client = new TestClient(server);
        for (int page : new int[] {3, 4, 9}) {
          assertThat(client.get("/items?page=" + page).json().get("data"))
              .extracting(n -> n.get("id").asInt())
              .containsExactly(11, 12);
        }
      }
    }

    @Test
    void offsetStyleReturnsTheLastPageForEveryOffsetPastTheEnd() throws Exception {
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.builder()
                  .size(12)
                  .style(Style.OFFSET)
                  .pageSize(5)
                  .repeatLastPagePastEnd(true)
                  .build())) {
        assertThat(new TestClient(server).get("/items?offset=15").json().get("data"))
            .extracting(n -> n.get("id").asInt())
            .containsExactly(11, 12);
      }
    }
  }

  @Nested
  class RateLimiting {
    @Test
    void answers429WithRetryAfterOnceTheWindowIsFullAndAgainAfterItSlides() throws Exception {
      AtomicLong clock = new AtomicLong(10_000);
      try (LiveDataServer server =
          LiveDataServer.start(
              LiveDataConfig.builder().size(12).rateLimit(new RateLimit(2, 1000)).build(),
              clock::get)) {
        TestClient client = new TestClient(server);
        assertThat(client.get("/items").status()).isEqualTo(200);
        clock.addAndGet(100);
        assertThat(client.get("/items").status()).isEqualTo(200);
        TestClient.Reply limited = client.get("/items");
        clock.addAndGet(900);
        TestClient.Reply afterWindow = client.get("/items");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).hasValue("1");
        assertThat(limited.json().get("error").asText()).isEqualTo("rate limited");
        assertThat(afterWindow.status()).isEqualTo(200);
        assertThat(server.requestCount()).isEqualTo(4);
      }
    }
  }
}
