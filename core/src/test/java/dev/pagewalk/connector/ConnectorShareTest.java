package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import dev.pagewalk.state.Checkpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A connector run into a sink that holds one share of the run (one task of several): it walks only
 * the root walks the sink takes, with their children; it resumes a root walk from the checkpoint
 * the sink looks up for it, and does not walk again one that finished; and it tells the sink how
 * each walk ended.
 */
class ConnectorShareTest {
  private static final String SPEC =
      "pagewalk: 1\nname: orgs\nbaseUrl: http://api.test\nretry: {maxAttempts: 1}\n"
          + "concurrency: 1\n"
          + "streams:\n"
          + "  repos:\n"
          + "    partitions: {values: [a, b, c]}\n"
          + "    request:\n"
          + "      url: '/orgs/{{partition}}/repos'\n"
          + "      qs: {page: 1}\n"
          + "      response: {iterate: '{{body.data}}', key: '{{item.id}}'}\n"
          + "      pagination:\n"
          + "        qs: {page: '{{pagination.page}}'}\n"
          + "        condition: '{{body.more}}'\n"
          + "  issues:\n"
          + "    parent: repos\n"
          + "    request:\n"
          + "      url: '/repos/{{parent.name}}/issues'\n"
          + "      response: {iterate: '{{body.data}}', key: '{{item.n}}'}\n";

  /** Each organisation has a repo on each of two pages; each repo one issue. */
  private static InProcessApi.Answer api(String target) {
    if (target.startsWith("/orgs/")) {
      String org = target.substring("/orgs/".length(), target.indexOf("/repos"));
      int page = target.endsWith("page=1") ? 1 : 2;
      String name = org + page;
      return InProcessApi.ok(
          "{\"data\":[{\"id\":\""
              + name
              + "\",\"name\":\""
              + name
              + "\"}],\"more\":"
              + (page == 1)
              + "}");
    }
    String repo = target.substring("/repos/".length(), target.indexOf("/issues"));
    return InProcessApi.ok("{\"data\":[{\"n\":\"" + repo + "-1\"}]}");
  }

  /** A share that takes the root walks {@code taken}, and looks walks up one at a time. */
  private static final class ShareSink implements WalkSink {
    private final Set<String> taken;
    private final Map<String, Checkpoint> committed = new LinkedHashMap<>();
    private RunStart run;
    private WriteMode mode;
    final List<String> ended = new ArrayList<>();
    final List<String> lookedUp = new ArrayList<>();
    final List<String> spawned = new ArrayList<>();

    /** The spawned walks this run takes (null: all of them). */
    Set<String> spawnedTaken;

    /** The walks {@link #load} returns with the run. */
    List<SavedWalk> saved = List.of();

    ShareSink(Set<String> taken) {
      this.taken = taken;
    }

    @Override
    public Optional<Saved> load() {
      return Optional.ofNullable(run).map(r -> new Saved(r, saved));
    }

    @Override
    public void open(WriteMode mode, RunStart run) {
      this.mode = mode;
      this.run = run;
    }

    @Override
    public void commit(Page page) {
      committed.put(page.stream() + "/" + page.walk(), page.after());
      page.spawned().forEach(w -> spawned.add(w.stream() + "/" + w.walk()));
    }

    @Override
    public boolean takesSpawned(String stream, String walk) {
      return spawnedTaken == null || spawnedTaken.contains(walk);
    }

    @Override
    public boolean takes(String stream, String walk) {
      return taken.contains(walk);
    }

    @Override
    public Optional<Checkpoint> committed(String stream, String walk) {
      lookedUp.add(stream + "/" + walk);
      return mode == WriteMode.RESUME
          ? Optional.ofNullable(committed.get(stream + "/" + walk))
          : Optional.empty();
    }

    @Override
    public void ended(String stream, String walk, RunResult result) {
      ended.add(stream + "/" + walk + " " + result.stopReason().wireName());
    }
  }

  private static StreamsResult sync(InProcessApi api, WalkSink sink, SyncMode mode) {
    try (Runner runner = Runner.builder().transport(api).build()) {
      return runner.syncStreams(
          Pagewalk.parse("orgs.yaml", SPEC),
          RunInput.empty(),
          List.of(),
          sink,
          mode,
          null,
          RunListener.NONE);
    }
  }

  @Test
  void walksOnlyTheRootWalksTheSinkTakesWithTheirChildrenAndSaysHowEachEnded() {
    ShareSink sink = new ShareSink(Set.of("b"));
    InProcessApi api = new InProcessApi(ConnectorShareTest::api, 0);

    StreamsResult result = sync(api, sink, SyncMode.APPEND);

    assertThat(api.requests)
        .containsExactlyInAnyOrder(
            "/orgs/b/repos?page=1", "/repos/b1/issues", "/orgs/b/repos?page=2", "/repos/b2/issues");
    assertThat(result.stream("repos").orElseThrow().walks())
        .extracting(StreamsResult.WalkResult::walk)
        .containsExactly("b");
    assertThat(sink.ended)
        .containsExactlyInAnyOrder(
            "issues/\"b1\" " + StopReason.NO_PAGINATION.wireName(),
            "issues/\"b2\" " + StopReason.NO_PAGINATION.wireName(),
            "repos/b " + StopReason.CONDITION_FALSE.wireName());
  }

  @Test
  void resumesARootWalkFromItsLookedUpCheckpointAndSkipsAFinishedOne() {
    ShareSink sink = new ShareSink(Set.of("a", "b"));
    Function<String, InProcessApi.Answer> failing =
        t -> t.equals("/orgs/b/repos?page=2") ? new InProcessApi.Answer(500, "{}") : api(t);
    sync(new InProcessApi(failing, 0), sink, SyncMode.APPEND);
    assertThat(sink.committed.get("repos/a").resumable()).isFalse();
    assertThat(sink.committed.get("repos/b").resumable()).isTrue();

    InProcessApi again = new InProcessApi(ConnectorShareTest::api, 0);
    StreamsResult resumed = sync(again, sink, SyncMode.RESUME);

    assertThat(again.requests).containsExactly("/orgs/b/repos?page=2", "/repos/b2/issues");
    assertThat(sink.lookedUp).endsWith("repos/a", "repos/b");
    assertThat(resumed.stream("repos").orElseThrow().walks())
        .extracting(StreamsResult.WalkResult::walk)
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void commitsEverySpawnedWalkWithItsPageButWalksOnlyThoseTheSinkTakes() {
    ShareSink sink = new ShareSink(Set.of("a"));
    sink.spawnedTaken = Set.of("\"a2\"");
    InProcessApi api = new InProcessApi(ConnectorShareTest::api, 0);

    StreamsResult result = sync(api, sink, SyncMode.APPEND);

    assertThat(sink.spawned).containsExactly("issues/\"a1\"", "issues/\"a2\"");
    assertThat(api.requests)
        .containsExactlyInAnyOrder(
            "/orgs/a/repos?page=1", "/orgs/a/repos?page=2", "/repos/a2/issues");
    assertThat(result.stream("issues").orElseThrow().walks())
        .extracting(StreamsResult.WalkResult::walk)
        .containsExactly("\"a2\"");
    assertThat(sink.ended)
        .containsExactlyInAnyOrder(
            "issues/\"a2\" " + StopReason.NO_PAGINATION.wireName(),
            "repos/a " + StopReason.CONDITION_FALSE.wireName());
  }

  @Test
  void resumesSpawnedWalksHandedToItWithoutWalkingAnyRootWalk() {
    ShareSink sink = new ShareSink(Set.of());
    sync(new InProcessApi(ConnectorShareTest::api, 0), sink, SyncMode.APPEND);
    sink.spawnedTaken = Set.of();
    sink.saved =
        List.of(
            new WalkSink.SavedWalk("issues", "\"b1\"", Map.of("id", "b1", "name", "b1"), null),
            new WalkSink.SavedWalk("issues", "\"c2\"", Map.of("id", "c2", "name", "c2"), null));
    InProcessApi api = new InProcessApi(ConnectorShareTest::api, 0);

    StreamsResult result = sync(api, sink, SyncMode.RESUME);

    assertThat(api.requests).containsExactlyInAnyOrder("/repos/b1/issues", "/repos/c2/issues");
    assertThat(result.stream("issues").orElseThrow().walks())
        .extracting(StreamsResult.WalkResult::walk)
        .containsExactlyInAnyOrder("\"b1\"", "\"c2\"");
    assertThat(sink.ended)
        .containsExactlyInAnyOrder(
            "issues/\"b1\" " + StopReason.NO_PAGINATION.wireName(),
            "issues/\"c2\" " + StopReason.NO_PAGINATION.wireName());
  }
}
