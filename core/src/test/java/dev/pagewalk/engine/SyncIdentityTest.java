package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.cursorPage;
import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.SyncMode;
import dev.pagewalk.sink.JsonLinesSink;
import dev.pagewalk.state.Checkpoint;
import dev.pagewalk.state.FileCheckpointStore;
import dev.pagewalk.state.NextRequest;
import dev.pagewalk.state.SyncIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncIdentityTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: cursors
      baseUrl: "https://{{connection.region}}.api.test/v1"
      parameters:
        project: {type: string, required: true}
        state: {type: string}
        pin: {type: string, secret: true}
      connection:
        region: {type: string, required: true}
        key: {type: string, secret: true, required: true}
      limits: {maxRecords: unlimited}
      request:
        url: /items
        qs: {api_key: "{{connection.key}}", project: "{{parameters.project}}", limit: 2}
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{body.next}}"
      """;

  @TempDir Path dir;
  final Plan plan = Pagewalk.parse("cursors.yaml", SPEC);

  static RunInput input(Map<String, Object> params, String region, String key) {
    return RunInput.empty()
        .withParameters(params)
        .withConnection(Map.of("region", region, "key", key));
  }

  static final RunInput PROJECT_4 =
      input(Map.of("project", "4", "pin", "pin-1234"), "eu", "s3cr3t-key");

  /** Three pages by cursor; with {@code failSecond}, page 2 answers 500. */
  static ScriptedTransport api(boolean failSecond) {
    return new ScriptedTransport(
        (req, i) -> {
          String q = req.uri().getQuery();
          if (!q.contains("cursor=")) {
            return json(req, 200, cursorPage("c2", 1, 2));
          }
          if (failSecond) {
            return json(req, 500, "{}");
          }
          return q.contains("cursor=c2")
              ? json(req, 200, cursorPage("c3", 3, 4))
              : json(req, 200, cursorPage(null, 5));
        });
  }

  RunResult sync(ScriptedTransport t, RunInput in, SyncMode mode, String name) throws Exception {
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build();
        JsonLinesSink sink =
            JsonLinesSink.toFile(
                dir.resolve((name == null ? "cursors" : name) + ".jsonl"), dir.resolve("state"))) {
      return runner.sync(plan, in, sink, mode, name, RunListener.NONE);
    }
  }

  Checkpoint saved(String name) throws Exception {
    return new FileCheckpointStore(dir.resolve("state")).load(name).orElseThrow();
  }

  @Nested
  class Identity {
    final SyncIdentity base =
        new SyncIdentity("items", "hash1", Map.of("project", "4"), "http://a", "f00d");

    @Test
    void namesEachDifferenceSavedValueFirst() {
      SyncIdentity now =
          new SyncIdentity(
              "items", "hash2", Map.of("project", "other", "state", "opened"), "http://b", "beef");
      assertThat(now.differencesFrom(base))
          .containsExactly(
              "spec: content hash hash1 → hash2",
              "parameter project: 4 → other",
              "parameter state: (none) → opened",
              "base URL: http://a → http://b",
              "connection values (not secret): fingerprint f00d → beef");
    }

    @Test
    void comparesValuesAsTheLanguageDoes() {
      SyncIdentity two = new SyncIdentity("s", "h", Map.of("n", 2L), "http://a", "f");
      SyncIdentity twoPointZero =
          new SyncIdentity("s", "h", Map.of("n", new java.math.BigDecimal("2.0")), "http://a", "f");
      assertThat(twoPointZero.differencesFrom(two)).isEmpty();
      assertThat(new SyncIdentity("s", "h", Map.of("n", "2"), "http://a", "f").differencesFrom(two))
          .containsExactly("parameter n: 2 → \"2\"");
    }

    @Test
    void refusesASyncNameThatIsNotATableName() {
      assertThatThrownBy(() -> SyncIdentity.checkName("Issues 2"))
          .hasMessage(
              "sync name 'Issues 2' is not allowed: use lower-case letters, digits, '-'"
                  + " and '_' (at most 63), starting with a letter or digit");
      assertThat(SyncIdentity.checkName("issues_project-4")).isEqualTo("issues_project-4");
    }

    @Test
    void fingerprintsOnlyWhatItIsGiven() {
      assertThat(SyncIdentity.fingerprint(Map.of("region", "eu")))
          .hasSize(16)
          .isEqualTo(SyncIdentity.fingerprint(new java.util.TreeMap<>(Map.of("region", "eu"))))
          .isNotEqualTo(SyncIdentity.fingerprint(Map.of("region", "us")));
    }
  }

  @Nested
  class Checkpoints {
    @Test
    void holdTheIdentityWithoutAnySecret() throws Exception {
      sync(api(true), PROJECT_4, SyncMode.APPEND, null);
      String text = Files.readString(new FileCheckpointStore(dir.resolve("state")).file("cursors"));
      SyncIdentity id = saved("cursors").identity();

      assertThat(text).doesNotContain("s3cr3t-key").doesNotContain("pin-1234");
      assertThat(id.name()).isEqualTo("cursors");
      assertThat(id.specHash()).isEqualTo(plan.contentHash());
      assertThat(id.parameters()).containsExactly(Map.entry("project", "4"));
      assertThat(id.baseUrl()).isEqualTo("https://eu.api.test/v1");
      assertThat(id.connection()).isEqualTo(SyncIdentity.fingerprint(Map.of("region", "eu")));
    }

    @Test
    void storeTheNextUrlRelativeToTheBaseUrl() throws Exception {
      sync(api(true), PROJECT_4, SyncMode.APPEND, null);
      NextRequest next = saved("cursors").next();
      assertThat(next.url())
          .isEqualTo("{{baseUrl}}/items?api_key={{connection.key}}&project=4&limit=2&cursor=c2");

      ScriptedTransport healthy = api(false);
      sync(healthy, PROJECT_4, SyncMode.RESUME, null);
      assertThat(healthy.uris().get(0))
          .isEqualTo(
              "GET https://eu.api.test/v1/items?api_key=s3cr3t-key&project=4&limit=2&cursor=c2");
    }

    @Test
    void aSecretChangeIsTheSameSync() throws Exception {
      sync(api(true), PROJECT_4, SyncMode.APPEND, null);
      ScriptedTransport healthy = api(false);
      RunResult resumed =
          sync(
              healthy,
              input(Map.of("project", "4", "pin", "other-pin"), "eu", "rotated-key"),
              SyncMode.RESUME,
              null);
      assertThat(resumed.notes()).singleElement().asString().startsWith("resumed run ");
      assertThat(healthy.uris().get(0)).contains("api_key=rotated-key");
    }
  }

  @Nested
  class Refusals {
    @Test
    void aResumeWithOtherInputsNamesEveryDifferenceAndSendsNothing() throws Exception {
      sync(api(true), PROJECT_4, SyncMode.APPEND, null);
      ScriptedTransport t = api(false);
      assertThatThrownBy(
              () ->
                  sync(
                      t,
                      input(Map.of("project", "other", "state", "opened"), "us", "s3cr3t-key"),
                      SyncMode.RESUME,
                      null))
          .isInstanceOf(InputException.class)
          .hasMessage(
              "cursors: cannot resume: the checkpoint belongs to a different sync"
                  + " (parameter project: 4 → other; parameter state: (none) → opened; base URL:"
                  + " https://eu.api.test/v1 → https://us.api.test/v1; connection values (not secret):"
                  + " fingerprint "
                  + SyncIdentity.fingerprint(Map.of("region", "eu"))
                  + " → "
                  + SyncIdentity.fingerprint(Map.of("region", "us"))
                  + "); resume with that sync's"
                  + " inputs, give this one its own --sync-name, or start over with --replace");
      assertThat(t.requests).isEmpty();
      assertThat(Files.readAllLines(dir.resolve("cursors.jsonl"))).hasSize(2);
    }

    @Test
    void aCheckpointWithoutIdentityIsNotResumed() throws Exception {
      sync(api(true), PROJECT_4, SyncMode.APPEND, null);
      FileCheckpointStore store = new FileCheckpointStore(dir.resolve("state"));
      Checkpoint old = saved("cursors");
      store.save(
          "cursors",
          new Checkpoint(
              old.version(),
              old.spec(),
              old.specHash(),
              old.runId(),
              old.status(),
              old.stopReason(),
              old.pagesDone(),
              old.page(),
              old.pagination(),
              old.temp(),
              old.next(),
              old.counters(),
              old.state(),
              old.watermark(),
              old.sinkPosition(),
              old.savedAt(),
              null));
      ScriptedTransport t = api(false);
      assertThatThrownBy(() -> sync(t, PROJECT_4, SyncMode.RESUME, null))
          .isInstanceOf(InputException.class)
          .hasMessage(
              "cursors: cannot resume: the checkpoint was saved by an earlier pagewalk"
                  + " without a sync identity, so it cannot be told apart from another sync's; give"
                  + " this one its own --sync-name, or start over with --replace");
      assertThat(t.requests).isEmpty();
    }

    @Test
    void anInvalidSyncNameIsAnInputError() {
      assertThatThrownBy(() -> sync(api(false), PROJECT_4, SyncMode.APPEND, "Project 4"))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("cursors: sync name 'Project 4' is not allowed");
    }
  }

  @Nested
  class Incremental {
    static final String INCREMENTAL =
        """
        pagewalk: 1
        name: changes
        baseUrl: http://api.test
        parameters:
          project: {type: string, required: true}
        sync:
          incremental: {cursor: "{{item.updated_at}}", tieBreaker: "{{item.id}}"}
        request:
          url: /changes
          qs: {project: "{{parameters.project}}", since: "{{state.cursor}}"}
          response:
            iterate: "{{body.data}}"
            key: "{{item.id}}"
        """;

    final Plan changes = Pagewalk.parse("changes.yaml", INCREMENTAL);

    RunResult run(ScriptedTransport t, String project) throws Exception {
      try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build();
          JsonLinesSink sink =
              JsonLinesSink.toFile(dir.resolve("changes.jsonl"), dir.resolve("state"))) {
        return runner.sync(
            changes,
            RunInput.empty().withParameters(Map.of("project", project)),
            sink,
            SyncMode.APPEND);
      }
    }

    static ScriptedTransport api() {
      return new ScriptedTransport(
          (req, i) ->
              json(req, 200, "{\"data\":[{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"}]}"));
    }

    @Test
    void neverContinuesAfterAnotherSyncsWatermark() throws Exception {
      run(api(), "4");
      ScriptedTransport t = api();
      assertThatThrownBy(() -> run(t, "5"))
          .isInstanceOf(InputException.class)
          .hasMessage(
              "changes: cannot continue incrementally: the last run's watermark belongs to"
                  + " a different sync (parameter project: 4 → 5); run with that sync's inputs, give"
                  + " this one its own --sync-name, or start over with --replace");
      assertThat(t.requests).isEmpty();
      assertThat(Files.readAllLines(dir.resolve("changes.jsonl"))).hasSize(1);
    }

    @Test
    void continuesAfterItsOwnWatermarkAndAppends() throws Exception {
      run(api(), "4");
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) ->
                  json(
                      req,
                      200,
                      "{\"data\":[{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"},"
                          + "{\"id\":2,\"updated_at\":\"2026-01-02T00:00:00Z\"}]}"));
      RunResult second = run(t, "4");
      assertThat(second.notes())
          .containsExactly(
              "incremental: continuing after {cursor=2026-01-01T00:00:00Z, tieBreaker=1}");
      assertThat(t.uris())
          .containsExactly("GET http://api.test/changes?project=4&since=2026-01-01T00%3A00%3A00Z");
      assertThat(Files.readAllLines(dir.resolve("changes.jsonl")))
          .containsExactly(
              "{\"id\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"}",
              "{\"id\":2,\"updated_at\":\"2026-01-02T00:00:00Z\"}");
    }
  }

  @Nested
  class SyncNames {
    @Test
    void keepTwoSyncsOfOneSpecApartAndResumeEach() throws Exception {
      RunInput other = input(Map.of("project", "5"), "eu", "s3cr3t-key");
      sync(api(true), PROJECT_4, SyncMode.APPEND, "project-4");
      sync(api(true), other, SyncMode.APPEND, "project_5");

      assertThat(saved("project-4").identity().parameters()).containsEntry("project", "4");
      assertThat(saved("project_5").identity().parameters()).containsEntry("project", "5");
      ScriptedTransport t4 = api(false);
      ScriptedTransport t5 = api(false);
      assertThat(sync(t4, PROJECT_4, SyncMode.RESUME, "project-4").stats().recordsEmitted())
          .isEqualTo(5);
      assertThat(sync(t5, other, SyncMode.RESUME, "project_5").stats().recordsEmitted())
          .isEqualTo(5);
      assertThat(t4.uris().get(0)).contains("project=4&").contains("cursor=c2");
      assertThat(t5.uris().get(0)).contains("project=5&").contains("cursor=c2");
    }

    @Test
    void aFullRunUnderAnotherSyncsNameIsRefused() throws Exception {
      sync(api(false), PROJECT_4, SyncMode.APPEND, "shared");
      Files.delete(dir.resolve("shared.jsonl"));
      assertThatThrownBy(
              () ->
                  sync(
                      api(false),
                      input(Map.of("project", "5"), "eu", "k3y"),
                      SyncMode.APPEND,
                      "shared"))
          .isInstanceOf(InputException.class)
          .hasMessage(
              "cursors: the destination holds sync shared with other inputs (parameter"
                  + " project: 4 → 5); give this one its own --sync-name, or start over with --replace");
    }

    @Test
    void replaceStartsTheSyncOverWithTheNewInputs() throws Exception {
      sync(api(false), PROJECT_4, SyncMode.APPEND, "shared");
      RunInput other = input(Map.of("project", "5"), "eu", "k3y");
      RunResult r = sync(api(false), other, SyncMode.REPLACE, "shared");
      assertThat(r.notes())
          .containsExactly("replace: shared starts over (its records and checkpoint were removed)");
      assertThat(Files.readAllLines(dir.resolve("shared.jsonl"))).hasSize(5);
      assertThat(saved("shared").identity().parameters()).containsEntry("project", "5");
    }
  }
}
