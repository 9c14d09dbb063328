package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.cursorPage;
import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.LimitOverrides;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.RunStats.Fault;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PageLoopTest {
  private static final String TOKEN_SPEC =
      """
      pagewalk: 1
      name: tokens
      baseUrl: http://api.test
      parameters:
        size: {type: integer, default: 2, minimum: 1, maximum: 10}
      limits: {maxRecords: unlimited}
      request:
        url: /items
        qs: {limit: "{{parameters.size}}"}
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  private final List<Duration> slept = new ArrayList<>();

  private Runner runner(ScriptedTransport transport) {
    return Runner.builder().transport(transport).sleeper(slept::add).build();
  }

  private static List<Object> keys(Runner.Collected c) {
    return c.records().stream().map(OutputRecord::key).toList();
  }

  @Nested
  class Records {
    private static final String OUTPUT_SPEC =
        TOKEN_SPEC.replace(
            "    key: \"{{item.id}}\"\n",
            "    key: \"{{item.id}}\"\n    output: {id: \"{{item.id}}\", city: \"{{item.address.city}}\"}\n%s");

    private Runner.Collected run(String onMissingKey, String... pages) {
      assertThat(OUTPUT_SPEC).contains("output:");
      ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, pages[i]));
      return runner(t)
          .collect(
              Pagewalk.parse("out.yaml", OUTPUT_SPEC.formatted(onMissingKey)), RunInput.empty());
    }

    @Test
    void aRecordWithoutAKeyFailsItsPageBeforeAnyOfThatPageIsDelivered() {
      Runner.Collected c =
          run(
              "",
              "{\"data\":[{\"id\":1,\"address\":{\"city\":\"A\"}}],\"next\":\"b\"}",
              "{\"data\":[{\"id\":2},{\"id\":3},{\"name\":\"no id\"}],\"next\":\"c\"}");
      assertThat(c.result().stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(c.result().failure().getMessage())
          .isEqualTo("tokens: record 3 of page 2 has no key (response.key evaluated to null)");
      assertThat(c.result().failure().code()).isEqualTo(ErrorCode.MISSING_KEY);
      assertThat(c.records())
          .extracting(OutputRecord::value)
          .containsExactly(Map.of("id", 1L, "city", "A"));
    }

    @Test
    void outputsAreBuiltPerRecordWithMissingPathsLeftOutAndDuplicatesDropped() {
      Runner.Collected c =
          run(
              "    onMissingKey: skip\n",
              "{\"data\":[{\"id\":1,\"address\":{\"city\":\"A\"},\"x\":9},{\"id\":2}],\"next\":\"b\"}",
              "{\"data\":[{\"id\":2,\"address\":{\"city\":\"B\"}},{\"name\":\"no id\"},{\"id\":3,\"address\":[1]}],\"next\":null}");
      assertThat(c.records())
          .extracting(OutputRecord::value)
          .containsExactly(Map.of("id", 1L, "city", "A"), Map.of("id", 2L), Map.of("id", 3L));
      assertThat(c.records()).extracting(OutputRecord::page).containsExactly(1L, 1L, 2L);
      assertThat(c.result().stats().duplicatesDropped()).isEqualTo(1);
      assertThat(c.result().stats().recordsFiltered()).isEqualTo(1);
    }
  }

  @Nested
  class Retries {
    @Test
    void resendTheVerySameRequestAndNeverAdvance() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  switch (i) {
                    case 0 -> json(req, 200, cursorPage("b", 1, 2));
                    case 1 -> json(req, 503, "{}");
                    case 2 -> throw new SocketException("Connection reset");
                    case 3 -> json(req, 200, cursorPage("c", 3, 4));
                    default -> json(req, 200, cursorPage(null, 5));
                  });
      Plan plan = Pagewalk.parse("tokens.yaml", TOKEN_SPEC);
      Runner.Collected c = runner(t).collect(plan, RunInput.empty());
      assertThat(t.uris())
          .containsExactly(
              "GET http://api.test/items?limit=2",
              "GET http://api.test/items?limit=2&cursor=b",
              "GET http://api.test/items?limit=2&cursor=b",
              "GET http://api.test/items?limit=2&cursor=b",
              "GET http://api.test/items?limit=2&cursor=c");
      assertThat(keys(c)).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(c.result().stats().retries()).isEqualTo(2);
      assertThat(c.result().stats().requests()).isEqualTo(5);
      assertThat(c.result().stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
      assertThat(slept).hasSize(2);
    }

    @Test
    void giveUpAfterMaxAttemptsNamingTheRequest() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  i == 0 ? json(req, 200, cursorPage("b", 1)) : json(req, 503, "{\"e\":1}"));
      RunResult r =
          runner(t).collect(Pagewalk.parse("tokens.yaml", TOKEN_SPEC), RunInput.empty()).result();
      assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(r.failure().getMessage())
          .isEqualTo("tokens: GET http://api.test/items?limit=2&cursor=b returned 503: {\"e\":1}");
      assertThat(r.stats().requests()).isEqualTo(6);
      assertThat(r.stats().recordsEmitted()).isEqualTo(1);
    }

    @Test
    void refuseARetryAfterBeyondTheCap() {
      ScriptedTransport t =
          new ScriptedTransport((req, i) -> json(req, 429, "{}", "Retry-After", "3600"));
      RunResult r =
          runner(t).collect(Pagewalk.parse("tokens.yaml", TOKEN_SPEC), RunInput.empty()).result();
      assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "tokens: GET http://api.test/items?limit=2 returned 429 with Retry-After 3600s,"
                  + " beyond the cap of 300s (retry.retryAfter.max)");
      assertThat(slept).isEmpty();
    }
  }

  @Nested
  class EmptyPages {
    @Test
    void anEmptyPageWithContinuationIsRetriedThenPagingContinues() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  switch (i) {
                    case 0 -> json(req, 200, cursorPage("b", 1));
                    case 1, 2, 3 -> json(req, 200, cursorPage("c"));
                    default -> json(req, 200, cursorPage(null, 2));
                  });
      Runner.Collected c =
          runner(t).collect(Pagewalk.parse("tokens.yaml", TOKEN_SPEC), RunInput.empty());
      assertThat(keys(c)).containsExactly(1L, 2L);
      assertThat(t.uris()).hasSize(5);
      assertThat(t.uris().get(4)).endsWith("cursor=c");
      assertThat(c.result().stats().emptyPagesWithContinuation()).isEqualTo(1);
      assertThat(c.result().stats().retries()).isEqualTo(2);
      assertThat(c.result().stats().faults())
          .containsExactly(Map.entry(Fault.EMPTY_PAGE_WITH_CONTINUATION, 2L));
      assertThat(c.result().report().faults())
          .containsExactly(Map.entry("empty-page-with-continuation", 2L));
      assertThat(c.result().stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    }
  }

  @Nested
  class LoopGuard {
    @Test
    void stopsWhenThePaginationRequestRepeats() {
      ScriptedTransport t =
          new ScriptedTransport((req, i) -> json(req, 200, cursorPage("same", i + 1)));
      RunResult r =
          runner(t).collect(Pagewalk.parse("tokens.yaml", TOKEN_SPEC), RunInput.empty()).result();
      assertThat(r.stopReason()).isEqualTo(StopReason.LOOP_DETECTED);
      assertThat(r.failure().getMessage())
          .isEqualTo(
              "tokens: loop detected: page 3 would repeat a request already sent:"
                  + " GET http://api.test/items?limit=2&cursor=same;"
                  + " the pagination directives do not advance");
      assertThat(r.failure().code()).isEqualTo(ErrorCode.LOOP);
      assertThat(r.report().errorCode()).isEqualTo(ErrorCode.LOOP);
      assertThat(r.stats().recordsEmitted()).isEqualTo(2);
    }
  }

  @Nested
  class Caps {
    @Test
    void maxRecordsCutsThePageAndSaysSo() {
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> json(req, 200, cursorPage("n" + i, 3 * i + 1, 3 * i + 2, 3 * i + 3)));
      Runner.Collected c =
          runner(t)
              .collect(
                  Pagewalk.parse("tokens.yaml", TOKEN_SPEC),
                  RunInput.empty().withLimits(LimitOverrides.NONE.withMaxRecords(4)));
      assertThat(keys(c)).containsExactly(1L, 2L, 3L, 4L);
      assertThat(c.result().stopReason()).isEqualTo(StopReason.MAX_RECORDS);
      assertThat(c.result().truncated()).isTrue();
    }

    @Test
    void maxPaginationRequestsStopsBeforeSending() {
      ScriptedTransport t =
          new ScriptedTransport((req, i) -> json(req, 200, cursorPage("n" + i, i)));
      RunResult r =
          runner(t)
              .collect(
                  Pagewalk.parse("tokens.yaml", TOKEN_SPEC),
                  RunInput.empty().withLimits(LimitOverrides.NONE.withMaxPaginationRequests(2)))
              .result();
      assertThat(t.requests).hasSize(3);
      assertThat(r.stopReason()).isEqualTo(StopReason.MAX_PAGINATION_REQUESTS);
    }
  }

  @Nested
  class Inputs {
    @Test
    void areCheckedBeforeAnyRequest() {
      ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, cursorPage(null)));
      Plan plan = Pagewalk.parse("tokens.yaml", TOKEN_SPEC);
      assertThatThrownBy(
              () -> runner(t).collect(plan, RunInput.empty().withParameters(Map.of("size", 50))))
          .isInstanceOf(InputException.class)
          .hasMessage("tokens: parameter 'size' must be at most 10, got 50");
      assertThat(t.requests).isEmpty();
    }
  }

  @Nested
  class Concurrency {
    @Test
    void onePlanServesManyConcurrentRuns() throws Exception {
      Plan plan = Pagewalk.parse("tokens.yaml", TOKEN_SPEC);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<List<Object>>> futures = new ArrayList<>();
        for (int run = 0; run < 32; run++) {
          int base = run * 100;
          ScriptedTransport t =
              new ScriptedTransport(
                  (req, i) ->
                      i < 5
                          ? json(req, 200, cursorPage("p" + i, base + 2 * i, base + 2 * i + 1))
                          : json(req, 200, cursorPage(null)));
          futures.add(pool.submit(() -> keys(runner(t).collect(plan, RunInput.empty()))));
        }
        for (int run = 0; run < 32; run++) {
          List<Object> expected = new ArrayList<>();
          for (int k = 0; k < 10; k++) {
            expected.add((long) run * 100 + k);
          }
          assertThat(futures.get(run).get()).isEqualTo(expected);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  static IOException reset() {
    return new SocketException("Connection reset");
  }

  @Nested
  class BaseUrl {
    @Test
    void mayUseConnectionValues() {
      String spec =
          """
          pagewalk: 1
          name: tenants
          baseUrl: "https://{{connection.subdomain}}.example.com/api"
          connection:
            subdomain: {type: string, required: true}
          request:
            url: /items
          """;
      ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, "{\"id\":1}"));
      Runner.Collected c =
          runner(t)
              .collect(
                  Pagewalk.parse("tenants.yaml", spec),
                  RunInput.empty().withConnection(Map.of("subdomain", "acme")));
      assertThat(t.uris()).containsExactly("GET https://acme.example.com/api/items");
      assertThat(c.result().stopReason()).isEqualTo(StopReason.NO_PAGINATION);
    }
  }
}
