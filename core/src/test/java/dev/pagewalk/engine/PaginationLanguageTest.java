package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.cursorPage;
import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import dev.pagewalk.StopReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The pagination block as spec-language section 3.3 describes it: how next links resolve, what is
 * in scope, how {@code null} removes an inherited entry, templated names, GET bodies, and how
 * empty-page re-sends count against the caps.
 */
class PaginationLanguageTest {
  private static Runner.Collected run(ScriptedTransport t, String spec) {
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build()) {
      return runner.collect(Pagewalk.parse("spec.yaml", spec), RunInput.empty());
    }
  }

  @Nested
  class NextLinks {
    @Test
    void resolvesRelativeLinksAsABrowserAndJoinsSlashPathsToTheBaseUrl() {
      String[] next = {"?page=2", "/items?page=3", "/api/v2/items?page=4", "../other?page=5", null};
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  json(
                      req,
                      200,
                      "{\"data\":[{\"id\":"
                          + (i + 1)
                          + "}],\"next\":"
                          + (next[i] == null ? "null" : "\"" + next[i] + "\"")
                          + "}"));
      Runner.Collected c =
          run(
              t,
              """
              pagewalk: 1
              name: links
              baseUrl: http://api.test/api/v2
              request:
                url: /items
                response:
                  iterate: "{{body.data}}"
                pagination:
                  url: "{{body.next}}"
                  condition: "{{body.next}}"
              """);
      assertThat(c.result().failure()).isNull();
      assertThat(t.uris())
          .containsExactly(
              "GET http://api.test/api/v2/items",
              "GET http://api.test/api/v2/items?page=2",
              "GET http://api.test/api/v2/items?page=3",
              "GET http://api.test/api/v2/items?page=4",
              "GET http://api.test/api/other?page=5");
    }

    @Test
    void refusesANetworkPathLinkWithCredentialsWithoutEchoingThePassword() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  json(req, 200, "{\"data\":[{\"id\":1}],\"next\":\"//bob:s3cret@api.test/x\"}"));
      Runner.Collected c =
          run(
              t,
              """
              pagewalk: 1
              name: links
              baseUrl: http://api.test
              request:
                url: /items
                response:
                  iterate: "{{body.data}}"
                pagination:
                  url: "{{body.next}}"
                  condition: "{{body.next}}"
              """);
      assertThat(c.result().stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(c.result().failure().getMessage())
          .startsWith("links: invalid URL \"http://bob:***@api.test/x\"")
          .doesNotContain("s3cret");
      assertThat(t.requestCount()).isEqualTo(1);
    }

    @Test
    void putsTheFetchedPagesUrlInScopeOfResponseAndPagination() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> json(req, 200, i == 0 ? cursorPage("c2", 1) : cursorPage(null, 2)));
      Runner.Collected c =
          run(
              t,
              """
              pagewalk: 1
              name: scope
              baseUrl: http://api.test
              request:
                url: /items
                response:
                  iterate: "{{body.data}}"
                  output: {id: "{{item.id}}", from: "{{request.url}}"}
                pagination:
                  qs: {cursor: "{{body.next}}", prev: "{{request.url}}"}
                  condition: "{{body.next}}"
              """);
      assertThat(c.result().failure()).isNull();
      assertThat(c.records())
          .extracting(OutputRecord::value)
          .containsExactly(
              Map.of("id", 1L, "from", "http://api.test/items"),
              Map.of(
                  "id",
                  2L,
                  "from",
                  "http://api.test/items?cursor=c2&prev=http%3A%2F%2Fapi.test%2Fitems"));
    }
  }

  @Nested
  class NullRemoves {
    @Test
    void removesAnInheritedHeaderAndQueryEntry() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> json(req, 200, i == 0 ? cursorPage("c2", 1) : cursorPage(null, 2)));
      Runner.Collected c =
          run(
              t,
              """
              pagewalk: 1
              name: removes
              baseUrl: http://api.test
              request:
                url: /items
                qs: {filter: open}
                headers: {Authorization: Bearer abc, X-Keep: k}
                response:
                  iterate: "{{body.data}}"
                pagination:
                  qs: {cursor: "{{body.next}}", filter: null}
                  headers: {Authorization: null}
                  condition: "{{body.next}}"
              """);
      assertThat(c.result().failure()).isNull();
      assertThat(t.uris())
          .containsExactly(
              "GET http://api.test/items?filter=open", "GET http://api.test/items?cursor=c2");
      assertThat(t.requests.get(0).headers().first("Authorization")).contains("Bearer abc");
      assertThat(t.requests.get(1).headers().first("Authorization")).isEmpty();
      assertThat(t.requests.get(1).headers().first("X-Keep")).contains("k");
    }
  }

  @Nested
  class TemplatedNames {
    private static final String SPEC =
        """
        pagewalk: 1
        name: names
        baseUrl: http://api.test
        parameters:
          page_param: {type: string, default: p}
        request:
          url: /items
          qs: {"{{parameters.page_param}}": 1}
          headers: {"X-{{parameters.page_param}}": yes}
          response:
            iterate: "{{body.data}}"
          pagination:
            qs: {"{{parameters.page_param}}": "{{pagination.page}}"}
            condition: "{{body.next}}"
        """;

    @Test
    void evaluatesQueryAndHeaderNames() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> json(req, 200, i == 0 ? cursorPage("c2", 1) : cursorPage(null, 2)));
      Runner.Collected c = run(t, SPEC);
      assertThat(c.result().failure()).isNull();
      assertThat(t.uris())
          .containsExactly("GET http://api.test/items?p=1", "GET http://api.test/items?p=2");
      assertThat(t.requests.get(0).headers().first("X-p")).contains("yes");
    }

    @Test
    void checksANameLikeAValue() {
      assertThatThrownBy(
              () ->
                  Pagewalk.parse(
                      "spec.yaml",
                      SPEC.replace("{{parameters.page_param}}\": 1", "{{parameters.nope}}\": 1")))
          .isInstanceOf(SpecException.class)
          .hasMessage(
              """
              spec.yaml:8:31: parameters.nope is not declared; the declared parameters are: \
              page_param (at /request/qs/{{parameters.nope}})
                  qs: {"{{parameters.nope}}": 1}
                                              ^""");
    }
  }

  @Nested
  class GetBodies {
    private static final String SPEC =
        """
        pagewalk: 1
        name: getbody
        baseUrl: http://api.test
        request:
          url: /search
          %s
          body: {query: all}
          response:
            iterate: "{{body.data}}"
        """;

    @Test
    void aGetWithABodyIsALoadError() {
      assertThatThrownBy(() -> Pagewalk.parse("spec.yaml", SPEC.formatted("")))
          .isInstanceOf(SpecException.class)
          .hasMessage(
              """
              spec.yaml:7:9: a GET request with a body: most servers and proxies ignore or \
              refuse it (at /request/body)
                  body: {query: all}
                        ^
                hint: set allowGetBody: true if the API reads a GET's body""");
    }

    @Test
    void aGetWithABodyIsSentWithAllowGetBody() {
      ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, cursorPage(null, 1)));
      Runner.Collected c = run(t, SPEC.formatted("allowGetBody: true"));
      assertThat(c.result().failure()).isNull();
      assertThat(new String(t.requests.get(0).body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"query\":\"all\"}");
    }
  }

  @Nested
  class EmptyPageResends {
    @Test
    void areRetriesThatNeverConsumeMaxRequests() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  json(
                      req,
                      200,
                      switch (i) {
                        case 0 -> cursorPage("c2", 1);
                        case 1 -> cursorPage("c2");
                        case 2 -> cursorPage("c3", 2);
                        default -> cursorPage(null, 3);
                      }));
      Runner.Collected c =
          run(
              t,
              """
              pagewalk: 1
              name: capped
              baseUrl: http://api.test
              limits: {maxRequests: 2}
              request:
                url: /items
                response:
                  iterate: "{{body.data}}"
                pagination:
                  qs: {cursor: "{{body.next}}"}
                  condition: "{{body.next}}"
              """);
      RunResult r = c.result();
      assertThat(r.failure()).isNull();
      assertThat(r.stopReason()).isEqualTo(StopReason.MAX_REQUESTS);
      assertThat(t.uris())
          .containsExactly(
              "GET http://api.test/items",
              "GET http://api.test/items?cursor=c2",
              "GET http://api.test/items?cursor=c2");
      assertThat(
              c.records().stream().<Object>map(rec -> ((Map<?, ?>) rec.value()).get("id")).toList())
          .containsExactly(1L, 2L);
      assertThat(List.of(r.stats().logicalRequests(), r.stats().retries())).containsExactly(2L, 1L);
    }

    @Test
    void neverExceedAPaginationCap() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  json(
                      req,
                      200,
                      switch (i) {
                        case 0 -> cursorPage("c2", 1);
                        case 1, 2 -> cursorPage("c2");
                        default -> cursorPage("c3", 2);
                      }));
      Runner.Collected c =
          run(
              t,
              """
              pagewalk: 1
              name: capped
              baseUrl: http://api.test
              limits: {maxPaginationRequests: 1}
              request:
                url: /items
                response:
                  iterate: "{{body.data}}"
                pagination:
                  qs: {cursor: "{{body.next}}"}
                  condition: "{{body.next}}"
              """);
      RunResult r = c.result();
      assertThat(r.failure()).isNull();
      assertThat(r.stopReason()).isEqualTo(StopReason.MAX_PAGINATION_REQUESTS);
      assertThat(t.uris())
          .containsExactly(
              "GET http://api.test/items",
              "GET http://api.test/items?cursor=c2",
              "GET http://api.test/items?cursor=c2",
              "GET http://api.test/items?cursor=c2");
      assertThat(c.records().stream().<Object>map(rec -> ((Map<?, ?>) rec.value()).get("id")))
          .containsExactly(1L, 2L);
      assertThat(List.of(r.stats().paginationRequests(), r.stats().retries()))
          .containsExactly(1L, 2L);
    }
  }
}
