package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.cursorPage;
import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.FileCheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncResumeTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: cursors
      baseUrl: http://api.test
      connection:
        key: {type: string, secret: true, required: true}
      limits: {maxRecords: unlimited}
      request:
        url: /items
        qs: {api_key: "{{connection.key}}", limit: 2}
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  @TempDir Path dir;

  /** Four pages by cursor; {@code failFrom} &gt; 0 answers 500 from that request on. */
  private static ScriptedTransport api(int failFrom) {
    return new ScriptedTransport(
        (req, i) -> {
          if (failFrom > 0 && i >= failFrom) {
            return json(req, 500, "{}");
          }
          String q = req.uri().getQuery();
          if (!q.contains("cursor=")) {
            return json(req, 200, cursorPage("c2", 1, 2));
          }
          if (q.contains("cursor=c2")) {
            return json(req, 200, cursorPage("c3", 3, 4));
          }
          if (q.contains("cursor=c3")) {
            return json(req, 200, cursorPage("c4", 5, 6));
          }
          return json(req, 200, cursorPage(null, 7));
        });
  }

  private RunResult sync(Plan plan, ScriptedTransport t, boolean resume) throws Exception {
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build();
        JsonLinesSink sink = JsonLinesSink.toFile(dir.resolve("out.jsonl"), dir.resolve("state"))) {
      return runner.sync(
          plan, RunInput.empty().withConnection(Map.of("key", "s3cr3t-key")), sink, resume);
    }
  }

  private List<String> lines() throws Exception {
    return Files.readAllLines(dir.resolve("out.jsonl"));
  }

  @Nested
  class Resume {
    @Test
    void continuesFromTheLastCheckpointAndWritesEveryRecordOnce() throws Exception {
      Plan plan = Pagewalk.parse("cursors.yaml", SPEC);
      RunResult failed = sync(plan, api(2), false);
      assertThat(failed.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(lines()).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":4}");

      ScriptedTransport healthy = api(0);
      RunResult resumed = sync(plan, healthy, true);
      assertThat(resumed.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
      assertThat(healthy.uris().get(0))
          .isEqualTo("GET http://api.test/items?api_key=s3cr3t-key&limit=2&cursor=c3");
      assertThat(resumed.notes())
          .containsExactly("resumed run " + failed.runId() + " at page 3 after 4 records");
      assertThat(lines())
          .containsExactly(
              "{\"id\":1}",
              "{\"id\":2}",
              "{\"id\":3}",
              "{\"id\":4}",
              "{\"id\":5}",
              "{\"id\":6}",
              "{\"id\":7}");
      assertThat(resumed.stats().recordsEmitted()).isEqualTo(7);
    }

    @Test
    void continuesFromACheckpointSavedByTheEarlierEngine() throws Exception {
      Path state = Files.createDirectories(dir.resolve("state"));
      try (var in =
          SyncResumeTest.class.getResourceAsStream(
              "/dev/pagewalk/state/saved-before-run-stats.json")) {
        Files.write(state.resolve("cursors.checkpoint.json"), in.readAllBytes());
      }
      Files.writeString(
          dir.resolve("out.jsonl"), "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n{\"id\":4}\n");

      ScriptedTransport healthy = api(0);
      RunResult resumed = sync(Pagewalk.parse("cursors.yaml", SPEC), healthy, true);

      assertThat(resumed.runId()).isEqualTo("1b22fbf7-051f-4012-8a89-5ebc780cd4f0");
      assertThat(healthy.uris().get(0))
          .isEqualTo("GET http://api.test/items?api_key=s3cr3t-key&limit=2&cursor=c3");
      assertThat(lines()).hasSize(7).doesNotHaveDuplicates();
      assertThat(
              List.of(
                  resumed.stats().requests(),
                  resumed.stats().paginationRequests(),
                  resumed.stats().pages(),
                  resumed.stats().recordsEmitted()))
          .containsExactly(3L + 2, 1L + 2, 2L + 2, 4L + 3);
    }

    @Test
    void neverWritesASecretIntoTheCheckpoint() throws Exception {
      sync(Pagewalk.parse("cursors.yaml", SPEC), api(2), false);
      String saved =
          Files.readString(new FileCheckpointStore(dir.resolve("state")).file("cursors"));
      assertThat(saved).doesNotContain("s3cr3t-key").contains("{{connection.key}}");
      assertThat(Checkpoint.fromJson(saved).status()).isEqualTo(Checkpoint.Status.RUNNING);
    }

    @Test
    void cutsOffWhatWasWrittenAfterTheLastCheckpoint() throws Exception {
      Plan plan = Pagewalk.parse("cursors.yaml", SPEC);
      sync(plan, api(2), false);
      Files.writeString(
          dir.resolve("out.jsonl"),
          "{\"id\":5}\n{\"id\":6",
          java.nio.file.StandardOpenOption.APPEND);
      sync(plan, api(0), true);
      assertThat(lines()).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void saysThereIsNothingToResumeAfterACompleteRun() throws Exception {
      Plan plan = Pagewalk.parse("cursors.yaml", SPEC);
      sync(plan, api(0), false);
      ScriptedTransport t = api(0);
      RunResult r = sync(plan, t, true);
      assertThat(t.requests).isEmpty();
      assertThat(r.notes())
          .singleElement()
          .asString()
          .startsWith("nothing to resume: the last run (")
          .endsWith(") ended complete (condition-false) after 4 pages; nothing was written");
      assertThat(lines()).hasSize(7);
    }

    @Test
    void startsFromTheBeginningWithoutACheckpoint() throws Exception {
      RunResult r = sync(Pagewalk.parse("cursors.yaml", SPEC), api(0), true);
      assertThat(r.notes())
          .containsExactly("no checkpoint for cursors: starting from the beginning");
      assertThat(lines()).hasSize(7);
    }

    @Test
    void refusesASpecThatChanged() throws Exception {
      sync(Pagewalk.parse("cursors.yaml", SPEC), api(2), false);
      Plan changed = Pagewalk.parse("cursors.yaml", SPEC.replace("limit: 2", "limit: 3"));
      assertThatThrownBy(() -> sync(changed, api(0), true))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("cursors: the spec changed since the checkpoint was saved")
          .hasMessageEndingWith(
              "continuing could skip or repeat records — start over with"
                  + " --replace, or give this run its own --sync-name");
    }
  }

  @Nested
  class ExpiredCursor {
    private static final String INCREMENTAL =
        """
        pagewalk: 1
        name: cursors
        baseUrl: http://api.test
        connection:
          key: {type: string}
        limits: {maxRecords: unlimited}
        sync:
          incremental: {cursor: "{{item.updated_at}}", tieBreaker: "{{item.id}}"}
          expiredCursorStatuses: [410]
        request:
          url: /items
          qs: {limit: 2, since: "{{state.cursor}}"}
          response:
            iterate: "{{body.data}}"
            key: "{{item.id}}"
          pagination:
            qs: {cursor: "{{body.next}}"}
            condition: "{{body.next}}"
        """;

    private String item(int id) {
      return "{\"id\":" + id + ",\"updated_at\":\"2026-01-0" + id + "T00:00:00Z\"}";
    }

    private String items(int from, int to, String next) {
      StringBuilder sb = new StringBuilder();
      for (int i = from; i <= to; i++) {
        sb.append(sb.length() == 0 ? "" : ",").append(item(i));
      }
      return "{\"data\":["
          + sb
          + "],\"next\":"
          + (next == null ? "null" : "\"" + next + "\"")
          + "}";
    }

    @Test
    void fallsBackToTheWatermarkWhenTheSavedCursorIsRefused() throws Exception {
      Plan plan = Pagewalk.parse("cursors.yaml", INCREMENTAL);
      ScriptedTransport first =
          new ScriptedTransport(
              (req, i) ->
                  switch (i) {
                    case 0 -> json(req, 200, items(1, 2, "c2"));
                    case 1 -> json(req, 200, items(3, 4, "c3"));
                    default -> json(req, 500, "{}");
                  });
      assertThat(sync(plan, first, false).stopReason()).isEqualTo(StopReason.ERROR);

      ScriptedTransport later =
          new ScriptedTransport(
              (req, i) ->
                  req.uri().getQuery().contains("cursor=c3")
                      ? json(req, 410, "{\"error\":\"cursor expired\"}")
                      : json(req, 200, items(4, 7, null)));
      RunResult resumed = sync(plan, later, true);
      assertThat(later.uris())
          .containsExactly(
              "GET http://api.test/items?limit=2&cursor=c3",
              "GET http://api.test/items?limit=2&since=2026-01-04T00%3A00%3A00Z");
      assertThat(resumed.notes())
          .last()
          .asString()
          .startsWith("the saved cursor expired (410): restarted from the watermark");
      assertThat(lines()).hasSize(7).doesNotHaveDuplicates();
      assertThat(resumed.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
    }

    @Test
    void failsWithItsCodeWhenThereIsNoWatermarkToFallBackOn() throws Exception {
      Plan plan =
          Pagewalk.parse(
              "cursors.yaml",
              SPEC.replace("limits:", "sync: {expiredCursorStatuses: [410]}\nlimits:"));
      assertThat(sync(plan, api(2), false).stopReason()).isEqualTo(StopReason.ERROR);

      ScriptedTransport later =
          new ScriptedTransport((req, i) -> json(req, 410, "{\"error\":\"cursor expired\"}"));
      RunResult resumed = sync(plan, later, true);

      assertThat(later.uris()).hasSize(1);
      assertThat(resumed.stopReason()).isEqualTo(StopReason.ERROR);
      assertThat(resumed.failure().code()).isEqualTo(ErrorCode.CURSOR_EXPIRED);
      assertThat(resumed.failure().getMessage())
          .isEqualTo(
              "cursors: the saved cursor was"
                  + " rejected as expired (GET http://api.test/items?api_key=***&limit=2&cursor=c3"
                  + " returned 410) and there is no keyset watermark to fall back on (the spec declares"
                  + " no sync.incremental); run without resume to start over");
      assertThat(resumed.report().errorCode()).isEqualTo(ErrorCode.CURSOR_EXPIRED);
      assertThat(lines()).hasSize(4);
    }
  }
}
