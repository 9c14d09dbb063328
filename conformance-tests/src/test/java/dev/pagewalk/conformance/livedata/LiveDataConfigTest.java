package dev.pagewalk.conformance.livedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LiveDataConfigTest {

  /** Jackson gives the same shapes as SnakeYAML: Map, List, String, Integer, Boolean. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) throws Exception {
    return new ObjectMapper().readValue(json, Map.class);
  }

  @Nested
  class FromMap {
    @Test
    void readsEveryOptionAsAYamlParserWouldGiveIt() throws Exception {
      Map<String, Object> yaml =
          parse(
              """
                    {"dataset": {"size": 40, "seed": 9, "idType": "string"},
                     "style": "next-url", "pageSize": 7, "maxPageSize": 20, "firstPage": 0,
                     "sort": "updated_at", "basePath": "/v1/things", "repeatLastPagePastEnd": true,
                     "rateLimit": {"requests": 5, "perMillis": 1000},
                     "mutations": [
                       {"afterRequest": 2, "insertHead": 3},
                       {"afterRequest": 3, "insertTail": 2},
                       {"afterRequest": 2, "delete": [5, "item-000006"]},
                       {"afterRequest": 4, "update": [7]}],
                     "faults": [
                       {"request": 2, "status": 503, "body": "{}"},
                       {"request": 3, "status": 429, "retryAfter": 2},
                       {"request": 4, "fault": "CONNECTION_RESET_BY_PEER"},
                       {"request": 5, "dribble": {"chunks": 20, "totalMs": 4000}},
                       {"request": 6, "emptyPageWithNext": true},
                       {"request": 7, "truncatedJson": true}]}
                    """);

      LiveDataConfig config = LiveDataConfig.fromMap(yaml);

      assertThat(config.size()).isEqualTo(40);
      assertThat(config.seed()).isEqualTo(9);
      assertThat(config.idType()).isEqualTo(IdType.STRING);
      assertThat(config.style()).isEqualTo(Style.NEXT_URL);
      assertThat(config.pageSize()).isEqualTo(7);
      assertThat(config.maxPageSize()).isEqualTo(20);
      assertThat(config.firstPage()).isZero();
      assertThat(config.sort()).isEqualTo(SortOrder.UPDATED_AT);
      assertThat(config.basePath()).isEqualTo("/v1/things");
      assertThat(config.repeatLastPagePastEnd()).isTrue();
      assertThat(config.rateLimit()).contains(new RateLimit(5, 1000));
      assertThat(config.mutations())
          .containsExactly(
              new Mutation.InsertHead(2, 3), new Mutation.InsertTail(3, 2),
              new Mutation.Delete(2, List.of(5L, 6L)), new Mutation.Update(4, List.of(7L)));
      assertThat(config.faults())
          .containsExactly(
              new FaultSpec.Status(2, 503, "{}", null, null),
                  new FaultSpec.Status(3, 429, null, "2", null),
              new FaultSpec.Wire(4, Fault.CONNECTION_RESET_BY_PEER),
                  new FaultSpec.Dribble(5, 20, 4000),
              new FaultSpec.EmptyPageWithNext(6), new FaultSpec.TruncatedJson(7));
    }

    @Test
    void appliesDefaultsToAnEmptyMap() {
      LiveDataConfig config = LiveDataConfig.fromMap(Map.of());
      assertThat(config.size()).isEqualTo(25);
      assertThat(config.style()).isEqualTo(Style.OFFSET);
      assertThat(config.pageSize()).isEqualTo(10);
      assertThat(config.maxPageSize()).isEqualTo(100);
      assertThat(config.firstPage()).isEqualTo(1);
      assertThat(config.sort()).isEqualTo(SortOrder.ID);
      assertThat(config.basePath()).isEqualTo("/items");
      assertThat(config.rateLimit()).isEmpty();
    }

    @Test
    void servesAConfigReadFromJson() throws Exception {
      Map<String, Object> map =
          parse("{\"dataset\": {\"size\": 8}, \"style\": \"token\", \"basePath\": \"/things\"}");
      try (LiveDataServer server = LiveDataServer.start(LiveDataConfig.fromMap(map))) {
        assertThat(new TestClient(server).get("/things?limit=3").json().get("data")).hasSize(3);
      }
    }
  }

  @Nested
  class Errors {
    @Test
    void namesAnUnknownKey() {
      assertThatThrownBy(
              () ->
                  LiveDataConfig.fromMap(
                      Map.of("faults", List.of(Map.of("request", 1, "stauts", 500)))))
          .hasMessage(
              "live-data config: faults[0].stauts: unknown key, expected one of [body, dribble, "
                  + "emptyPageWithNext, fault, request, retryAfter, retryAfterDateIn, status, truncatedJson]");
    }

    @Test
    void namesAWronglyTypedValue() {
      assertThatThrownBy(() -> LiveDataConfig.fromMap(Map.of("dataset", Map.of("size", "ten"))))
          .hasMessage("live-data config: dataset.size: expected an integer but got 'ten'");
    }

    @Test
    void namesAnUnknownStyle() {
      assertThatThrownBy(() -> LiveDataConfig.fromMap(Map.of("style", "cursor")))
          .hasMessage(
              "live-data config: style: unknown style 'cursor', expected one of "
                  + "[offset, page, token, keyset, next-url, link, has-more]");
    }

    @Test
    void rejectsAMutationWithTwoKinds() {
      assertThatThrownBy(
              () ->
                  LiveDataConfig.fromMap(
                      Map.of(
                          "mutations",
                          List.of(Map.of("afterRequest", 1, "insertHead", 1, "insertTail", 1)))))
          .hasMessage(
              "live-data config: mutations[0]: expected exactly one of "
                  + "[delete, insertHead, insertTail, update] but got [insertHead, insertTail]");
    }

    @Test
    void rejectsAPageSizeAboveTheMaximum() {
      assertThatThrownBy(() -> LiveDataConfig.fromMap(Map.of("pageSize", 50, "maxPageSize", 20)))
          .hasMessage("live-data config: need 1 <= pageSize <= maxPageSize but got 50 and 20");
    }
  }
}
