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
import dev.pagewalk.sink.JsonLinesSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * Four pages of Airtable records (rec1..rec7) behind iterator {@code itr}; {@code failFrom} &gt;
   * 0 answers 500 from that request on; {@code expired} answers the saved iterator's page with the
   * 422 once.
   */
  private static ScriptedTransport airtable(int failFrom, boolean expired) {
    boolean[] refused = {false};
    return new ScriptedTransport(
        (req, i) -> {
          if (failFrom > 0 && i >= failFrom) {
            return json(req, 500, "{}");
          }
          String q = req.uri().getQuery();
          if (q == null) {
            return json(req, 200, page("itr/2", "rec1", "rec2"));
          }
          if (expired && !refused[0] && q.contains("itr/3")) {
            refused[0] = true;
            return json(req, 422, EXPIRED);
          }
          if (q.contains("itr/2")) {
            return json(req, 200, page("itr/3", "rec3", "rec4"));
          }
          if (q.contains("itr/3")) {
            return json(req, 200, page("itr/4", "rec5", "rec6"));
          }
          return json(req, 200, page(null, "rec7"));
        });
  }

  private dev.pagewalk.RunResult sync(Path dir, ScriptedTransport t, boolean resume)
      throws Exception {
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build();
        JsonLinesSink sink = JsonLinesSink.toFile(dir.resolve("out.jsonl"), dir.resolve("state"))) {
      return runner.sync(Pagewalk.parse("airtable.yaml", AIRTABLE), RunInput.empty(), sink, resume);
    }
  }

  /**
   * The saved iterator of an interrupted run is dead by the time the run is resumed: the resumed
   * walk starts again from the first page instead of failing. What this run delivers, it delivers
   * once; the records the interrupted run wrote before its checkpoint are not known by key, so they
   * come again, and the note says so (a sink keyed by record upserts them).
   */
  @Test
  void aResumedWalkWhoseSavedIteratorExpiredRestartsFromTheBeginning(@TempDir Path dir)
      throws Exception {
    dev.pagewalk.RunResult failed = sync(dir, airtable(2, false), false);
    assertThat(failed.stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(Files.readAllLines(dir.resolve("out.jsonl")))
        .containsExactly(
            "{\"id\":\"rec1\"}", "{\"id\":\"rec2\"}", "{\"id\":\"rec3\"}", "{\"id\":\"rec4\"}");

    ScriptedTransport t = airtable(0, true);
    dev.pagewalk.RunResult resumed = sync(dir, t, true);

    assertThat(resumed.failure()).isNull();
    assertThat(resumed.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    assertThat(t.uris())
        .containsExactly(
            "GET http://api.test/records?offset=itr%2F3",
            "GET http://api.test/records",
            "GET http://api.test/records?offset=itr%2F2",
            "GET http://api.test/records?offset=itr%2F3",
            "GET http://api.test/records?offset=itr%2F4");
    assertThat(resumed.notes())
        .containsExactly(
            "resumed run " + failed.runId() + " at page 3 after 4 records",
            "the walk's cursor expired on page 3 (422): restarted the walk from the start"
                + " (restart 1 of at most 2); the 4 records written before the resumed checkpoint"
                + " are delivered again");
    assertThat(Files.readAllLines(dir.resolve("out.jsonl")))
        .containsExactly(
            "{\"id\":\"rec1\"}",
            "{\"id\":\"rec2\"}",
            "{\"id\":\"rec3\"}",
            "{\"id\":\"rec4\"}",
            "{\"id\":\"rec1\"}",
            "{\"id\":\"rec2\"}",
            "{\"id\":\"rec3\"}",
            "{\"id\":\"rec4\"}",
            "{\"id\":\"rec5\"}",
            "{\"id\":\"rec6\"}",
            "{\"id\":\"rec7\"}");
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
