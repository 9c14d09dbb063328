package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.WalkResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.report.Check;
import dev.pagewalk.report.Verdict;
import dev.pagewalk.sink.WalkSink;
import dev.pagewalk.sink.WriteMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector whose walks check their records against the API's total, run into a sink, stopped
 * part way and resumed: each walk's outcome is committed with its last page, so the resumed run
 * reports the walks an earlier run finished as that run found them — COMPLETE when their checks
 * passed — and the run is COMPLETE when every walk is. A destination without outcomes (written
 * before they were kept) still resumes, its finished walks UNVERIFIED.
 */
class ResumedVerdictTest {
  private static final String SPEC =
      "pagewalk: 1\nname: gh\nbaseUrl: http://api.test\nretry: {maxAttempts: 1}\n"
          + "concurrency: 1\n"
          + "streams:\n"
          + "  repos:\n"
          + "    request:\n"
          + "      url: /repos\n"
          + "      qs: {page: 1}\n"
          + "      response: {iterate: '{{body.data}}', key: '{{item.id}}'}\n"
          + "      pagination:\n"
          + "        qs: {page: '{{pagination.page}}'}\n"
          + "        condition: '{{body.more}}'\n"
          + "    audit: {total: '{{body.total}}'}\n"
          + "  issues:\n"
          + "    parent: repos\n"
          + "    request:\n"
          + "      url: '/repos/{{parent.name}}/issues'\n"
          + "      qs: {page: 1}\n"
          + "      response:\n"
          + "        iterate: '{{body.data}}'\n"
          + "        key: ['{{parent.id}}', '{{item.n}}']\n"
          + "        output: {repo: '{{parent.name}}', n: '{{item.n}}'}\n"
          + "      pagination:\n"
          + "        qs: {page: '{{pagination.page}}'}\n"
          + "        condition: '{{body.more}}'\n"
          + "    audit: {total: '{{body.total}}'}\n";

  /**
   * Repos a, b on page 1 and c on page 2 (3 in all); every repo has two issue pages of one issue
   * each (2 in all), except that b's API says it has 3: its walk is INCOMPLETE when {@code lying}.
   */
  private static Function<String, InProcessApi.Answer> api(boolean lying, Set<String> failing) {
    return target -> {
      if (failing.contains(target)) {
        return new InProcessApi.Answer(500, "{\"message\":\"boom\"}");
      }
      return switch (target) {
        case "/repos?page=1" ->
            page("[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]", true, 3);
        case "/repos?page=2" -> page("[{\"id\":3,\"name\":\"c\"}]", false, 3);
        default -> {
          String repo = target.substring("/repos/".length(), target.indexOf("/issues"));
          int n = target.endsWith("page=1") ? 1 : 2;
          yield page("[{\"n\":\"" + repo + n + "\"}]", n == 1, lying && repo.equals("b") ? 3 : 2);
        }
      };
    };
  }

  private static InProcessApi.Answer page(String data, boolean more, int total) {
    return InProcessApi.ok("{\"data\":" + data + ",\"more\":" + more + ",\"total\":" + total + "}");
  }

  private static StreamsResult sync(InProcessApi api, WalkSink sink, SyncMode mode) {
    Plan plan = Pagewalk.parse("gh.yaml", SPEC);
    try (Runner runner = Runner.builder().transport(api).build()) {
      return runner.syncStreams(
          plan, RunInput.empty(), List.of(), sink, mode, null, RunListener.NONE);
    }
  }

  /** The first run: repos page 2 and a's second issue page fail; b's walk ends (COMPLETE). */
  private static StreamsResult interrupted(WalkSink sink, boolean lying) {
    return sync(
        new InProcessApi(api(lying, Set.of("/repos?page=2", "/repos/a/issues?page=2")), 0),
        sink,
        SyncMode.APPEND);
  }

  private static StreamsResult resumed(WalkSink sink, boolean lying) {
    return sync(new InProcessApi(api(lying, Set.of()), 0), sink, SyncMode.RESUME);
  }

  private static WalkResult walk(StreamsResult result, String stream, String walk) {
    return result.stream(stream).orElseThrow().walks().stream()
        .filter(w -> w.walk().equals(walk))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class InMemory {
    @Test
    void aResumedRunWhoseWalksAllCompletedIsComplete() {
      MemoryWalkSink sink = new MemoryWalkSink();
      assertThat(interrupted(sink, false).verdict()).isEqualTo(Verdict.INCOMPLETE);
      WalkSink.Outcome b = sink.walk("issues", "2").outcome();
      assertThat(b.verdict()).isEqualTo(Verdict.COMPLETE);
      assertThat(b.stopReason()).isEqualTo(StopReason.CONDITION_FALSE);
      assertThat(b.checks())
          .containsEntry(Check.Kind.TOTAL, Check.Outcome.PASS)
          .containsEntry(Check.Kind.STOP, Check.Outcome.PASS);
      assertThat(b.reasons()).isEmpty();
      assertThat(List.of(b.records(), b.requests())).containsExactly(2L, 2L);
      assertThat(sink.walk("issues", "1").outcome()).as("a walk that goes on").isNull();

      StreamsResult resumed = resumed(sink, false);

      assertThat(resumed.verdict()).isEqualTo(Verdict.COMPLETE);
      assertThat(walk(resumed, "issues", "2"))
          .isEqualTo(
              new WalkResult(
                  "2", StopReason.CONDITION_FALSE, Verdict.COMPLETE, 2, 2, null, null, true));
      assertThat(walk(resumed, "issues", "1").finishedEarlier()).isFalse();
      assertThat(walk(resumed, "issues", "1").verdict()).isEqualTo(Verdict.COMPLETE);
      assertThat(resumed.stream("issues").orElseThrow().records()).isEqualTo(6);
    }

    @Test
    void aWalkThatFinishedIncompleteStaysIncompleteWithItsReasons() {
      MemoryWalkSink sink = new MemoryWalkSink();
      interrupted(sink, true);
      WalkSink.Outcome b = sink.walk("issues", "2").outcome();
      assertThat(b.verdict()).isEqualTo(Verdict.INCOMPLETE);
      assertThat(b.checks()).containsEntry(Check.Kind.TOTAL, Check.Outcome.FAIL);
      assertThat(b.reasons()).hasSize(1).first().asString().startsWith("total: ");

      StreamsResult resumed = resumed(sink, true);

      assertThat(resumed.verdict()).isEqualTo(Verdict.INCOMPLETE);
      assertThat(walk(resumed, "issues", "2").verdict()).isEqualTo(Verdict.INCOMPLETE);
      assertThat(walk(resumed, "issues", "2").finishedEarlier()).isTrue();
      assertThat(walk(resumed, "issues", "3").verdict()).isEqualTo(Verdict.COMPLETE);
    }

    @Test
    void aDestinationWithoutOutcomesResumesWithItsFinishedWalksUnverified() {
      MemoryWalkSink sink = new MemoryWalkSink();
      sink.keepsOutcomes = false;
      interrupted(sink, false);

      StreamsResult resumed = resumed(sink, false);

      assertThat(resumed.verdict()).isEqualTo(Verdict.UNVERIFIED);
      assertThat(walk(resumed, "issues", "2"))
          .isEqualTo(
              new WalkResult(
                  "2", StopReason.CONDITION_FALSE, Verdict.UNVERIFIED, 2, 2, null, null, true));
    }

    @Test
    void aWalkWhoseLastPageCannotBeCommittedFailsWithoutThatPage() {
      MemoryWalkSink memory = new MemoryWalkSink();
      WalkSink failing =
          new WalkSink() {
            @Override
            public java.util.Optional<Saved> load() {
              return memory.load();
            }

            @Override
            public void open(WriteMode mode, RunStart run) throws IOException {
              memory.open(mode, run);
            }

            @Override
            public void commit(Page page) throws IOException {
              if (page.outcome() != null && page.walk().equals("2")) {
                throw new IOException("disk full");
              }
              memory.commit(page);
            }
          };

      StreamsResult result =
          sync(new InProcessApi(api(false, Set.of()), 0), failing, SyncMode.APPEND);

      assertThat(walk(result, "issues", "2"))
          .isEqualTo(
              new WalkResult(
                  "2",
                  StopReason.ERROR,
                  Verdict.INCOMPLETE,
                  1,
                  2,
                  "gh/issues: writing to the sink failed: disk full",
                  dev.pagewalk.ErrorCode.SINK_WRITE,
                  false));
      assertThat(memory.walk("issues", "2").checkpoint().status())
          .as("the walk resumes from its page before")
          .isEqualTo(dev.pagewalk.state.Checkpoint.Status.RUNNING);
      assertThat(result.verdict()).isEqualTo(Verdict.INCOMPLETE);
    }

    @Test
    void theReportSaysWhichWalksFinishedInAnEarlierRun() {
      MemoryWalkSink sink = new MemoryWalkSink();
      interrupted(sink, false);
      String report = ConnectorReport.json(resumed(sink, false));
      assertThat(report)
          .contains(
              "\"walk\" : \"2\",\n"
                  + "      \"stopReason\" : \"condition-false\",\n"
                  + "      \"verdict\" : \"COMPLETE\",\n"
                  + "      \"records\" : 2,\n"
                  + "      \"requests\" : 2,\n"
                  + "      \"finishedEarlier\" : true\n")
          .contains("\"walksFinishedEarlier\" : 1");
    }
  }

  @Nested
  class IntoJsonLinesFiles {
    @TempDir Path tmp;

    private WalkSink files() {
      return WalkSink.jsonLinesDirectory(tmp.resolve("out"), tmp.resolve("state"), "gh");
    }

    @Test
    void aResumedRunWhoseWalksAllCompletedIsComplete() throws IOException {
      try (WalkSink sink = files()) {
        assertThat(interrupted(sink, false).verdict()).isEqualTo(Verdict.INCOMPLETE);
      }
      try (WalkSink sink = files()) {
        WalkSink.SavedWalk b =
            sink.load().orElseThrow().walks().stream()
                .filter(w -> w.stream().equals("issues") && w.walk().equals("2"))
                .findFirst()
                .orElseThrow();
        assertThat(b.outcome().verdict()).isEqualTo(Verdict.COMPLETE);
        StreamsResult resumed = resumed(sink, false);
        assertThat(resumed.verdict()).isEqualTo(Verdict.COMPLETE);
        assertThat(walk(resumed, "issues", "2").finishedEarlier()).isTrue();
      }
    }

    @Test
    void aJournalWithoutOutcomesResumesWithItsFinishedWalksUnverified() throws IOException {
      MemoryWalkSink first = new MemoryWalkSink();
      interrupted(first, false);
      WalkSink.Saved saved = first.load().orElseThrow();
      List<WalkSink.Spawned> children =
          saved.walks().stream()
              .filter(w -> w.parent() != null)
              .map(w -> new WalkSink.Spawned(w.stream(), w.walk(), w.parent()))
              .toList();
      try (WalkSink sink = files()) {
        sink.load();
        sink.open(WriteMode.FULL, saved.run());
        WalkSink.SavedWalk repos = first.walk("repos", "");
        sink.commit(new WalkSink.Page("repos", "", List.of(), repos.checkpoint(), children));
        for (WalkSink.SavedWalk w : saved.walks()) {
          if (w.parent() != null && w.checkpoint() != null) {
            sink.commit(
                new WalkSink.Page(w.stream(), w.walk(), List.of(), w.checkpoint(), List.of()));
          }
        }
      }
      try (WalkSink sink = files()) {
        StreamsResult resumed = resumed(sink, false);
        assertThat(resumed.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(walk(resumed, "issues", "2").verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(walk(resumed, "issues", "2").finishedEarlier()).isTrue();
        assertThat(walk(resumed, "issues", "1").verdict()).isEqualTo(Verdict.COMPLETE);
      }
    }
  }
}
