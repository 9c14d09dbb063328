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
import dev.pagewalk.sink.ForwardingSink;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.sink.RecordSink;
import dev.pagewalk.sink.RecordSink.HeldRecords;
import dev.pagewalk.state.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(c.result().stats().recordsReceived()).isEqualTo(5);
    assertThat(c.result().stats().recordsEmitted()).isEqualTo(3);
    assertThat(c.result().stats().duplicatesDropped()).isEqualTo(2);
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
    return sync(dir, t, resume, AIRTABLE, new int[1]);
  }

  /** A sync into {@code dir/out.jsonl}; {@code readBacks[0]} counts the sink's read-backs. */
  private dev.pagewalk.RunResult sync(
      Path dir, ScriptedTransport t, boolean resume, String spec, int[] readBacks)
      throws Exception {
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build();
        JsonLinesSink file = JsonLinesSink.toFile(dir.resolve("out.jsonl"), dir.resolve("state"))) {
      RecordSink sink =
          new ForwardingSink(file) {
            @Override
            public boolean readBack(String stream, Checkpoint upTo, HeldRecords held)
                throws java.io.IOException {
              readBacks[0]++;
              return super.readBack(stream, upTo, held);
            }
          };
      return runner.sync(Pagewalk.parse("airtable.yaml", spec), RunInput.empty(), sink, resume);
    }
  }

  private static final List<String> SEVEN =
      List.of(
          "{\"id\":\"rec1\"}",
          "{\"id\":\"rec2\"}",
          "{\"id\":\"rec3\"}",
          "{\"id\":\"rec4\"}",
          "{\"id\":\"rec5\"}",
          "{\"id\":\"rec6\"}",
          "{\"id\":\"rec7\"}");

  /**
   * The saved iterator of an interrupted run is dead by the time the run is resumed: the resumed
   * walk starts again from the first page instead of failing. The records the interrupted run wrote
   * before its checkpoint are read back from the file and known by key, so the restart drops them
   * as duplicates: the file holds every record once, and the counts add up.
   */
  @Test
  void aResumedWalkWhoseSavedIteratorExpiredRestartsFromTheBeginning(@TempDir Path dir)
      throws Exception {
    dev.pagewalk.RunResult failed = sync(dir, airtable(2, false), false);
    assertThat(failed.stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).isEqualTo(SEVEN.subList(0, 4));

    ScriptedTransport t = airtable(0, true);
    int[] readBacks = {0};
    dev.pagewalk.RunResult resumed = sync(dir, t, true, AIRTABLE, readBacks);

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
                + " (restart 1 of at most 2)");
    assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).isEqualTo(SEVEN);
    assertThat(resumed.stats().recordsReceived()).isEqualTo(11);
    assertThat(resumed.stats().recordsEmitted()).isEqualTo(7);
    assertThat(resumed.stats().duplicatesDropped()).isEqualTo(4);
    assertThat(readBacks[0]).isEqualTo(1);
  }

  /**
   * Reading the file back is the restart's cost: a resume that needs no restart does not pay it.
   */
  @Test
  void aResumeWithoutARestartDoesNotReadTheFileBack(@TempDir Path dir) throws Exception {
    sync(dir, airtable(2, false), false);
    int[] readBacks = {0};
    dev.pagewalk.RunResult resumed = sync(dir, airtable(0, false), true, AIRTABLE, readBacks);
    assertThat(resumed.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).isEqualTo(SEVEN);
    assertThat(readBacks[0]).isZero();
  }

  /**
   * With {@code response.output} the file holds records reshaped from the items, and the key is
   * computed from items: the records written before the checkpoint cannot be known by key, so they
   * come again, and the note says so.
   */
  @Test
  void recordsReshapedByOutputCannotBeKnownFromTheFile(@TempDir Path dir) throws Exception {
    String reshaped =
        AIRTABLE.replace(
            "    key: \"{{item.id}}\"\n",
            "    key: \"{{item.id}}\"\n    output: {record: \"{{item.id}}\"}\n");
    dev.pagewalk.RunResult failed = sync(dir, airtable(2, false), false, reshaped, new int[1]);
    int[] readBacks = {0};
    dev.pagewalk.RunResult resumed = sync(dir, airtable(0, true), true, reshaped, readBacks);

    assertThat(resumed.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    assertThat(readBacks[0]).isEqualTo(1);
    assertThat(resumed.notes())
        .containsExactly(
            "resumed run " + failed.runId() + " at page 3 after 4 records",
            "the walk's cursor expired on page 3 (422): restarted the walk from the start"
                + " (restart 1 of at most 2); the 4 records written before the resumed checkpoint"
                + " are delivered again");
    assertThat(Files.readAllLines(dir.resolve("out.jsonl")))
        .containsExactly(
            "{\"record\":\"rec1\"}",
            "{\"record\":\"rec2\"}",
            "{\"record\":\"rec3\"}",
            "{\"record\":\"rec4\"}",
            "{\"record\":\"rec1\"}",
            "{\"record\":\"rec2\"}",
            "{\"record\":\"rec3\"}",
            "{\"record\":\"rec4\"}",
            "{\"record\":\"rec5\"}",
            "{\"record\":\"rec6\"}",
            "{\"record\":\"rec7\"}");
    assertThat(resumed.stats().recordsEmitted()).isEqualTo(11);
  }

  /** A file that cannot be read back fails the run rather than deliver its records twice. */
  @Test
  void aDestinationThatFailsToReadBackFailsTheRun(@TempDir Path dir) throws Exception {
    sync(dir, airtable(2, false), false);
    dev.pagewalk.RunResult resumed;
    try (Runner runner = Runner.builder().transport(airtable(0, true)).sleeper(d -> {}).build();
        JsonLinesSink file = JsonLinesSink.toFile(dir.resolve("out.jsonl"), dir.resolve("state"))) {
      RecordSink sink =
          new ForwardingSink(file) {
            @Override
            public boolean readBack(String stream, Checkpoint upTo, HeldRecords held)
                throws java.io.IOException {
              throw new java.io.IOException("cannot read back out.jsonl: Input/output error");
            }
          };
      resumed =
          runner.sync(Pagewalk.parse("airtable.yaml", AIRTABLE), RunInput.empty(), sink, true);
    }
    assertThat(resumed.stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(resumed.failure().code()).isEqualTo(ErrorCode.STATE);
    assertThat(resumed.failure().getMessage())
        .isEqualTo(
            "airtable: the walk's cursor expired on page 3 and the walk would start over, but the"
                + " records written before the resumed checkpoint cannot be read back: cannot read"
                + " back out.jsonl: Input/output error");
    assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).isEqualTo(SEVEN.subList(0, 4));
  }

  private static String versioned(String offset, String... idAndDay) {
    List<String> records = new java.util.ArrayList<>();
    for (int i = 0; i < idAndDay.length; i += 2) {
      records.add("{\"id\":\"" + idAndDay[i] + "\",\"u\":\"2026-01-0" + idAndDay[i + 1] + "\"}");
    }
    return "{\"records\":["
        + String.join(",", records)
        + "]"
        + (offset == null ? "" : ",\"offset\":\"" + offset + "\"")
        + "}";
  }

  /**
   * An incremental sync appends to its file: the lines of earlier runs come before the resumed
   * run's. Only the run's own lines are read back, so a record an earlier run wrote and the API has
   * changed since (rec2) is still delivered by the restart.
   */
  @Test
  void onlyTheResumedRunsOwnLinesOfAnAppendedFileAreReadBack(@TempDir Path dir) throws Exception {
    String incremental =
        AIRTABLE.replace(
            "request:\n  url: /records\n",
            "sync:\n  incremental: {cursor: \"{{item.u}}\", tieBreaker: \"{{item.id}}\"}\n"
                + "request:\n  url: /records\n  qs: {since: \"{{state.cursor}}\"}\n");
    sync(
        dir,
        new ScriptedTransport(
            (req, i) -> json(req, 200, versioned(null, "rec1", "1", "rec2", "2"))),
        false,
        incremental,
        new int[1]);
    boolean[] refused = {false};
    ScriptedTransport.Script changed =
        (req, i) -> {
          String q = req.uri().getQuery();
          if (!q.contains("offset")) {
            return json(req, 200, versioned("itr/2", "rec1", "3", "rec3", "4"));
          }
          if (q.contains("itr/2")) {
            return json(req, 200, versioned("itr/3", "rec4", "5"));
          }
          if (!refused[0]) {
            refused[0] = true;
            return json(req, 422, EXPIRED);
          }
          return json(req, 200, versioned(null, "rec2", "6", "rec5", "7"));
        };
    dev.pagewalk.RunResult failed =
        sync(
            dir,
            new ScriptedTransport(
                (req, i) -> i >= 2 ? json(req, 400, "{}") : changed.answer(req, i)),
            false,
            incremental,
            new int[1]);
    assertThat(failed.stopReason()).isEqualTo(StopReason.ERROR);
    refused[0] = false;

    ScriptedTransport t = new ScriptedTransport(changed);
    dev.pagewalk.RunResult resumed = sync(dir, t, true, incremental, new int[1]);

    assertThat(resumed.failure()).isNull();
    assertThat(t.uris())
        .containsExactly(
            "GET http://api.test/records?since=2026-01-02&offset=itr%2F3",
            "GET http://api.test/records?since=2026-01-02",
            "GET http://api.test/records?since=2026-01-02&offset=itr%2F2",
            "GET http://api.test/records?since=2026-01-02&offset=itr%2F3");
    assertThat(resumed.notes())
        .last()
        .isEqualTo(
            "the walk's cursor expired on page 3 (422): restarted the walk from the start"
                + " (restart 1 of at most 2)");
    assertThat(Files.readAllLines(dir.resolve("out.jsonl")))
        .containsExactly(
            "{\"id\":\"rec1\",\"u\":\"2026-01-01\"}",
            "{\"id\":\"rec2\",\"u\":\"2026-01-02\"}",
            "{\"id\":\"rec1\",\"u\":\"2026-01-03\"}",
            "{\"id\":\"rec3\",\"u\":\"2026-01-04\"}",
            "{\"id\":\"rec4\",\"u\":\"2026-01-05\"}",
            "{\"id\":\"rec2\",\"u\":\"2026-01-06\"}",
            "{\"id\":\"rec5\",\"u\":\"2026-01-07\"}");
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
