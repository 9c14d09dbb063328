package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import dev.pagewalk.SpecException;
import dev.pagewalk.StopReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scroll API (Elasticsearch's {@code POST /_search/scroll}) asks for the next batch with the same
 * request each time: its scroll id may stay the same. {@code pagination.requestMayRepeat} lets such
 * a request repeat; the loop guard then watches what comes back, so a server that really loops is
 * still stopped.
 */
class RepeatedRequestTest {
  private static final String SCROLL =
      """
      pagewalk: 1
      name: scroll
      baseUrl: http://es.test
      limits: {maxRecords: unlimited}
      request:
        url: /logs/_search
        method: POST
        qs: {scroll: 1m}
        body: {size: 2, sort: [_doc]}
        response:
          iterate: "{{body.hits.hits}}"
          key: "{{item._id}}"
        pagination:
          url: /_search/scroll
          qs: {scroll: null}
          body: {scroll: 1m, scroll_id: "{{body._scroll_id}}"}
          condition: "{{length(body.hits.hits) > 0}}"
          requestMayRepeat: true
      """;

  private static String batch(int took, String... ids) {
    StringBuilder hits = new StringBuilder();
    for (String id : ids) {
      hits.append(hits.length() == 0 ? "" : ",").append("{\"_id\":\"").append(id).append("\"}");
    }
    return "{\"_scroll_id\":\"DXF1ZXJ5\",\"took\":" + took + ",\"hits\":{\"hits\":[" + hits + "]}}";
  }

  private static Runner.Collected run(ScriptedTransport t, String spec) {
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build()) {
      return runner.collect(Pagewalk.parse("scroll.yaml", spec), RunInput.empty());
    }
  }

  private static List<Object> ids(Runner.Collected c) {
    return c.records().stream().map(OutputRecord::key).toList();
  }

  @Test
  void readsEveryBatchWhileTheScrollIdStaysTheSame() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) ->
                switch (i) {
                  case 0 -> json(req, 200, batch(3, "a", "b"));
                  case 1 -> json(req, 200, batch(2, "c", "d"));
                  case 2 -> json(req, 200, batch(2, "e"));
                  default -> json(req, 200, batch(1));
                });
    Runner.Collected c = run(t, SCROLL);
    assertThat(c.result().failure()).isNull();
    assertThat(c.result().stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    assertThat(ids(c)).containsExactly("a", "b", "c", "d", "e");
    assertThat(t.uris())
        .containsExactly(
            "POST http://es.test/logs/_search?scroll=1m",
            "POST http://es.test/_search/scroll",
            "POST http://es.test/_search/scroll",
            "POST http://es.test/_search/scroll");
    assertThat(new String(t.requests.get(3).body(), StandardCharsets.UTF_8))
        .isEqualTo(new String(t.requests.get(1).body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"scroll\":\"1m\",\"scroll_id\":\"DXF1ZXJ5\"}");
  }

  @Test
  void withoutItTheRepeatedRequestIsALoop() {
    ScriptedTransport t =
        new ScriptedTransport((req, i) -> json(req, 200, batch(i, "id" + (2 * i), "x" + i)));
    Runner.Collected c = run(t, SCROLL.replace("    requestMayRepeat: true\n", ""));
    assertThat(c.result().stopReason()).isEqualTo(StopReason.LOOP_DETECTED);
    assertThat(c.result().failure().getMessage())
        .isEqualTo(
            "scroll: loop detected: page 3 would repeat a request already sent:"
                + " POST http://es.test/_search/scroll; the pagination directives do not advance");
    assertThat(t.requestCount()).isEqualTo(2);
  }

  @Test
  void aServerServingTheSameBatchAgainIsStillStopped() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) ->
                i == 0 ? json(req, 200, batch(3, "a", "b")) : json(req, 200, batch(i, "c", "d")));
    Runner.Collected c = run(t, SCROLL);
    assertThat(c.result().stopReason()).isEqualTo(StopReason.LOOP_DETECTED);
    assertThat(c.result().failure().code()).isEqualTo(ErrorCode.LOOP);
    assertThat(c.result().failure().getMessage())
        .isEqualTo(
            "scroll: loop detected: pages 3 and 4 held only records already delivered"
                + " (POST http://es.test/_search/scroll): the API serves the same data again");
    assertThat(ids(c)).containsExactly("a", "b", "c", "d");
    assertThat(t.requestCount()).isEqualTo(4);
  }

  @Test
  void aServerSendingTheSameBodyAgainIsStillStopped() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) ->
                i == 0 ? json(req, 200, batch(3, "a", "b")) : json(req, 200, batch(1, "c", "d")));
    Runner.Collected c = run(t, SCROLL);
    assertThat(c.result().stopReason()).isEqualTo(StopReason.LOOP_DETECTED);
    assertThat(c.result().failure().getMessage())
        .isEqualTo(
            "scroll: loop detected: the same response body came back three times in a row"
                + " (page 4, POST http://es.test/_search/scroll)");
    assertThat(ids(c)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void needsAKeyToTellARepeatedBatchFromANewOne() {
    assertThatThrownBy(
            () -> Pagewalk.parse("scroll.yaml", SCROLL.replace("    key: \"{{item._id}}\"\n", "")))
        .isInstanceOf(SpecException.class)
        .hasMessage(
            """
            scroll.yaml:17:23: pagination.requestMayRepeat needs response.key: with the request \
            allowed to repeat, the loop guard tells a new batch from one served again by its keys \
            (at /request/pagination/requestMayRepeat)
                  requestMayRepeat: true
                                    ^""");
  }

  @Test
  void isABoolean() {
    assertThatThrownBy(
            () ->
                Pagewalk.parse(
                    "scroll.yaml",
                    SCROLL.replace("requestMayRepeat: true", "requestMayRepeat: sometimes")))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("scroll.yaml:18:");
  }
}
