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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A walk whose iterator expires on a later page (Airtable's 422 {@code
 * LIST_RECORDS_ITERATOR_NOT_AVAILABLE}) starts again from the beginning, a bounded number of times,
 * with every record delivered exactly once and each restart noted.
 */
class RestartableWalkTest {
  private static final String AIRTABLE =
      """
      pagewalk: 1
      name: airtable
      baseUrl: http://api.test
      retry:
        restartWalk:
          on: [{status: 422, bodyContains: LIST_RECORDS_ITERATOR_NOT_AVAILABLE}]
          max: 2
      request:
        url: /records
        response:
          iterate: "{{body.records}}"
          key: "{{item.id}}"
        pagination:
          qs: {offset: "{{body.offset}}"}
          condition: "{{body.offset}}"
      """;

  private static final String EXPIRED =
      "{\"error\":{\"type\":\"LIST_RECORDS_ITERATOR_NOT_AVAILABLE\"}}";

  private static String page(String offset, String... ids) {
    StringBuilder records = new StringBuilder();
    for (String id : ids) {
      records
          .append(records.length() == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(id)
          .append("\"}");
    }
    return "{\"records\":["
        + records
        + "]"
        + (offset == null ? "" : ",\"offset\":\"" + offset + "\"")
        + "}";
  }

  private static Runner.Collected run(ScriptedTransport t, String spec) {
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build()) {
      return runner.collect(Pagewalk.parse("airtable.yaml", spec), RunInput.empty());
    }
  }

  @Test
  void restartsFromTheBeginningAndDeliversEveryRecordOnce() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) ->
                switch (i) {
                  case 0 -> json(req, 200, page("itrA/2", "rec1", "rec2"));
                  case 1 -> json(req, 422, EXPIRED);
                  case 2 -> json(req, 200, page("itrB/2", "rec1", "rec2"));
                  default -> json(req, 200, page(null, "rec3"));
                });
    Runner.Collected c = run(t, AIRTABLE);
    assertThat(c.result().failure()).isNull();
    assertThat(c.result().stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    assertThat(t.uris())
        .containsExactly(
            "GET http://api.test/records",
            "GET http://api.test/records?offset=itrA%2F2",
            "GET http://api.test/records",
            "GET http://api.test/records?offset=itrB%2F2");
    assertThat(c.records())
        .extracting(OutputRecord::value)
        .containsExactly(Map.of("id", "rec1"), Map.of("id", "rec2"), Map.of("id", "rec3"));
    assertThat(c.result().notes())
        .containsExactly(
            "the walk's cursor expired on page 2 (422): restarted the walk from the start"
                + " (restart 1 of at most 2)");
    assertThat(c.result().report().notes()).isEqualTo(c.result().notes());
  }

  @Test
  void failsOnceTheRestartsAreUsedUp() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) ->
                i % 2 == 0 ? json(req, 200, page("itr/2", "rec1")) : json(req, 422, EXPIRED));
    Runner.Collected c = run(t, AIRTABLE);
    assertThat(c.result().stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(c.result().failure().code()).isEqualTo(ErrorCode.CURSOR_EXPIRED);
    assertThat(c.result().failure().getMessage())
        .isEqualTo(
            "airtable: the walk's cursor expired again on page 2 (GET"
                + " http://api.test/records?offset=itr%2F2 returned 422) after 2 restarts"
                + " (retry.restartWalk.max)");
    assertThat(t.requestCount()).isEqualTo(6);
    assertThat(c.records()).hasSize(1);
  }

  @Test
  void anotherUnprocessableResponseIsNoRestart() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) ->
                i == 0
                    ? json(req, 200, page("itr/2", "rec1"))
                    : json(req, 422, "{\"error\":{\"type\":\"INVALID_FILTER_BY_FORMULA\"}}"));
    Runner.Collected c = run(t, AIRTABLE);
    assertThat(c.result().stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(c.result().failure().getMessage())
        .isEqualTo(
            "airtable: GET http://api.test/records?offset=itr%2F2 returned 422:"
                + " {\"error\":{\"type\":\"INVALID_FILTER_BY_FORMULA\"}}");
    assertThat(t.requestCount()).isEqualTo(2);
  }

  @Test
  void needsAKeyToKnowWhatWasDelivered() {
    assertThatThrownBy(
            () -> Pagewalk.parse("airtable.yaml", AIRTABLE.replace("key: \"{{item.id}}\"", "")))
        .isInstanceOf(SpecException.class)
        .hasMessage(
            """
            airtable.yaml:6:5: restarting a walk needs response.key: it is how records \
            delivered before the restart are known and not delivered again (at /retry/restartWalk)
                  on: [{status: 422, bodyContains: LIST_RECORDS_ITERATOR_NOT_AVAILABLE}]
                  ^""");
  }
}
