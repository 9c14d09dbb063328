package dev.pagewalk.conformance.livedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NestedResourcesTest {
  private LiveDataServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private TestClient start(Map<String, ?> nested, int pageSize) {
    server =
        LiveDataServer.start(
            LiveDataConfig.fromMap(Map.of("nested", nested, "pageSize", pageSize)));
    return new TestClient(server);
  }

  @Nested
  class OrganisationsRepositoriesIssuesComments {
    @Test
    void servesEachLevelWithItsOwnSizesSomeEmpty() throws Exception {
      TestClient client =
          start(
              Map.of(
                  "orgs",
                  2,
                  "repos",
                  java.util.List.of(2, 1),
                  "issues",
                  java.util.List.of(3, 0),
                  "comments",
                  java.util.List.of(1, 0)),
              10);

      assertThat(client.get("/orgs").json().toString())
          .isEqualTo("[{\"id\":1,\"login\":\"acme\"},{\"id\":2,\"login\":\"globex\"}]");
      assertThat(client.get("/orgs/acme/repos").json().toString())
          .isEqualTo(
              "[{\"id\":101,\"name\":\"repo-1\",\"full_name\":\"acme/repo-1\",\"owner\":\"acme\"},"
                  + "{\"id\":102,\"name\":\"repo-2\",\"full_name\":\"acme/repo-2\",\"owner\":\"acme\"}]");
      assertThat(client.get("/orgs/globex/repos").json().findValuesAsText("full_name"))
          .containsExactly("globex/repo-1");
      assertThat(client.get("/repos/acme/repo-1/issues").json().findValuesAsText("title"))
          .containsExactly("acme/repo-1 #1", "acme/repo-1 #2", "acme/repo-1 #3");
      assertThat(client.get("/repos/acme/repo-1/issues").json().get(2).toString())
          .isEqualTo(
              "{\"id\":1003,\"number\":3,\"title\":\"acme/repo-1 #3\",\"state\":\"closed\",\"comments\":1}");
      assertThat(client.get("/repos/acme/repo-2/issues").json()).isEmpty();
      assertThat(client.get("/repos/globex/repo-1/issues").json()).hasSize(3);
      assertThat(client.get("/repos/acme/repo-1/issues/1/comments").json().toString())
          .isEqualTo("[{\"id\":10001,\"issue\":1,\"body\":\"comment 1 on acme/repo-1 #1\"}]");
      assertThat(client.get("/repos/acme/repo-1/issues/2/comments").json()).isEmpty();
    }

    @Test
    void pagesWithALinkHeaderUntilTheLastPage() throws Exception {
      TestClient client = start(Map.of("issues", 5), 2);

      TestClient.Reply first = client.get("/repos/acme/repo-1/issues?state=all");
      assertThat(first.json().findValuesAsText("number")).containsExactly("1", "2");
      assertThat(first.header("Link"))
          .contains(
              "<" + server.baseUrl() + "/repos/acme/repo-1/issues?state=all&page=2>; rel=\"next\"");
      TestClient.Reply last = client.get("/repos/acme/repo-1/issues?state=all&per_page=2&page=3");
      assertThat(last.json().findValuesAsText("number")).containsExactly("5");
      assertThat(last.header("Link")).isEmpty();
      assertThat(server.requests())
          .containsExactly(
              "/repos/acme/repo-1/issues?state=all",
              "/repos/acme/repo-1/issues?state=all&per_page=2&page=3");
    }

    @Test
    void answers404ForWhatDoesNotExistAndTheConfiguredStatusForAFailingPath() throws Exception {
      TestClient client =
          start(
              Map.of(
                  "fail",
                  java.util.List.of(Map.of("path", "/repos/acme/repo-2/issues", "status", 500))),
              10);

      TestClient.Reply missing = client.get("/repos/acme/nothing/issues");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.json().toString()).isEqualTo("{\"message\":\"Not Found\"}");
      TestClient.Reply failing = client.get("/repos/acme/repo-2/issues");
      assertThat(failing.status()).isEqualTo(500);
      assertThat(failing.json().toString()).isEqualTo("{\"message\":\"Injected failure\"}");
      assertThat(server.answers()).containsExactly("404", "500");
    }
  }

  @Nested
  class Events {
    @Test
    void filtersByAHalfOpenWindowAndByType() throws Exception {
      TestClient client =
          start(
              Map.of("events", Map.of("from", "2026-01-01T00:00:00Z", "count", 8, "every", "6h")),
              100);

      assertThat(
              client
                  .get("/events?since=2026-01-01T06:00:00Z&until=2026-01-02T00:00:00Z")
                  .json()
                  .findValuesAsText("created_at"))
          .containsExactly("2026-01-01T06:00:00Z", "2026-01-01T12:00:00Z", "2026-01-01T18:00:00Z");
      assertThat(client.get("/events?type=push").json().findValuesAsText("id"))
          .containsExactly("1", "5");
      assertThat(client.get("/events").json()).hasSize(8);
    }

    @Test
    void refusesADateThatIsNotIso8601() throws Exception {
      TestClient.Reply reply = start(Map.of(), 10).get("/events?since=yesterday");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("message").asText())
          .isEqualTo(
              "since must be an ISO-8601 date-time like 2026-01-01T00:00:00Z, got 'yesterday'");
    }
  }

  @Test
  void namesTheKeyOfABadConfig() {
    assertThatThrownBy(() -> LiveDataConfig.fromMap(Map.of("nested", Map.of("repos", "many"))))
        .hasMessage(
            "live-data config: nested.repos: expected a whole number or a list of them but got 'many'");
    assertThatThrownBy(
            () -> LiveDataConfig.fromMap(Map.of("nested", Map.of("issues", java.util.List.of(-1)))))
        .hasMessage(
            "live-data config: nested.issues must be a non-empty list of counts, 0 or more, but was [-1]");
  }
}
