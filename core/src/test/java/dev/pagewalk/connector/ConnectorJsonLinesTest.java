package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.InputException;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.Runner;
import dev.pagewalk.StreamsResult;
import dev.pagewalk.SyncMode;
import dev.pagewalk.sink.WalkSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connector run into {@code DIR/STREAM.jsonl} files with its state in a walk journal. */
class ConnectorJsonLinesTest {
  private static final String SPEC =
      "pagewalk: 1\nname: gh\nbaseUrl: http://api.test\nretry: {maxAttempts: 1}\n"
          + "concurrency: 2\n"
          + "streams:\n"
          + "  repos:\n"
          + "    request:\n"
          + "      url: /repos\n"
          + "      qs: {page: 1}\n"
          + "      response: {iterate: '{{body.data}}', key: '{{item.id}}'}\n"
          + "      pagination:\n"
          + "        qs: {page: '{{pagination.page}}'}\n"
          + "        condition: '{{body.more}}'\n"
          + "  issues:\n"
          + "    parent: repos\n"
          + "    request:\n"
          + "      url: '/repos/{{parent.name}}/issues'\n"
          + "      qs: {page: 1}\n"
          + "      response:\n"
          + "        iterate: '{{body.data}}'\n"
          + "        key: ['{{parent.id}}', '{{item.n}}']\n"
          + "        output: {n: '{{item.n}}'}\n"
          + "      pagination:\n"
          + "        qs: {page: '{{pagination.page}}'}\n"
          + "        condition: '{{body.more}}'\n";

  @TempDir Path tmp;

  private static InProcessApi.Answer api(String target) {
    return switch (target) {
      case "/repos?page=1" -> page("[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]", true);
      case "/repos?page=2" -> page("[{\"id\":3,\"name\":\"c\"}]", false);
      default -> {
        String repo = target.substring("/repos/".length(), target.indexOf("/issues"));
        int n = target.endsWith("page=1") ? 1 : 2;
        yield page("[{\"n\":\"" + repo + n + "\"}]", n == 1);
      }
    };
  }

  private static InProcessApi.Answer page(String data, boolean more) {
    return InProcessApi.ok("{\"data\":" + data + ",\"more\":" + more + "}");
  }

  private static Function<String, InProcessApi.Answer> failing(Set<String> targets) {
    return t ->
        targets.contains(t) ? new InProcessApi.Answer(500, "{\"message\":\"boom\"}") : api(t);
  }

  private StreamsResult sync(InProcessApi api, SyncMode mode) throws IOException {
    Plan plan = Pagewalk.parse("gh.yaml", SPEC);
    try (Runner runner = Runner.builder().transport(api).build();
        WalkSink sink =
            WalkSink.jsonLinesDirectory(tmp.resolve("out"), tmp.resolve("state"), "gh")) {
      return runner.syncStreams(
          plan, RunInput.empty(), List.of(), sink, mode, null, RunListener.NONE);
    }
  }

  private List<String> lines(String stream) throws IOException {
    return Files.readAllLines(tmp.resolve("out").resolve(stream + ".jsonl"));
  }

  private Path journal() {
    return tmp.resolve("state").resolve("gh.walks.jsonl");
  }

  @Test
  void resumesFromTheJournalWithEveryRecordOnce() throws IOException {
    sync(
        new InProcessApi(failing(Set.of("/repos?page=2", "/repos/a/issues?page=2")), 0),
        SyncMode.APPEND);
    assertThat(lines("issues"))
        .containsExactlyInAnyOrder("{\"n\":\"a1\"}", "{\"n\":\"b1\"}", "{\"n\":\"b2\"}");

    InProcessApi second = new InProcessApi(ConnectorJsonLinesTest::api, 0);
    sync(second, SyncMode.RESUME);

    assertThat(second.requests)
        .containsExactlyInAnyOrder(
            "/repos?page=2",
            "/repos/a/issues?page=2",
            "/repos/c/issues?page=1",
            "/repos/c/issues?page=2");
    assertThat(lines("repos")).hasSize(3);
    assertThat(lines("issues"))
        .containsExactlyInAnyOrder(
            "{\"n\":\"a1\"}",
            "{\"n\":\"a2\"}",
            "{\"n\":\"b1\"}",
            "{\"n\":\"b2\"}",
            "{\"n\":\"c1\"}",
            "{\"n\":\"c2\"}");
  }

  @Test
  void cutsOffWhatWasWrittenAfterTheLastCommitAndATornJournalLine() throws IOException {
    sync(new InProcessApi(failing(Set.of("/repos?page=2")), 0), SyncMode.APPEND);
    Files.writeString(
        tmp.resolve("out/issues.jsonl"),
        "{\"n\":\"ghost\"}\n{\"n\":\"to",
        StandardOpenOption.APPEND);
    Files.writeString(journal(), "{\"stream\":\"repos\",\"wa", StandardOpenOption.APPEND);

    InProcessApi second = new InProcessApi(ConnectorJsonLinesTest::api, 0);
    sync(second, SyncMode.RESUME);

    assertThat(second.requests)
        .containsExactlyInAnyOrder(
            "/repos?page=2", "/repos/c/issues?page=1", "/repos/c/issues?page=2");
    assertThat(lines("issues"))
        .containsExactlyInAnyOrder(
            "{\"n\":\"a1\"}",
            "{\"n\":\"a2\"}",
            "{\"n\":\"b1\"}",
            "{\"n\":\"b2\"}",
            "{\"n\":\"c1\"}",
            "{\"n\":\"c2\"}");
    assertThat(Files.readString(journal())).doesNotContain("\"wa\n").endsWith("\n");
  }

  @Test
  void refusesAJournalChangedOutsidePagewalk() throws IOException {
    sync(new InProcessApi(failing(Set.of("/repos?page=2")), 0), SyncMode.APPEND);
    Files.writeString(journal(), Files.readString(journal()).replace("\"a\"", "\"z\""));
    assertThatThrownBy(
            () -> sync(new InProcessApi(ConnectorJsonLinesTest::api, 0), SyncMode.RESUME))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "gh: cannot trust the checkpoint "
                + journal()
                + ": it does not match its seal (keyed by "
                + tmp.resolve("state").resolve("checkpoints.key")
                + "), so it was changed outside pagewalk; start over with --replace")
        .extracting(e -> ((InputException) e).code())
        .isEqualTo(ErrorCode.STATE);
  }

  @Test
  void refusesAFullRunIntoFilesThatHoldRecordsAndReplaceStartsOver() throws IOException {
    sync(new InProcessApi(ConnectorJsonLinesTest::api, 0), SyncMode.APPEND);
    assertThatThrownBy(
            () -> sync(new InProcessApi(ConnectorJsonLinesTest::api, 0), SyncMode.APPEND))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "gh: cannot open the sink: "
                + tmp.resolve("out/repos.jsonl")
                + " already holds records and this is a full run, which would add them all again:"
                + " continue the last run with --resume, or start the files over with --replace");
    InProcessApi again = new InProcessApi(ConnectorJsonLinesTest::api, 0);
    sync(again, SyncMode.REPLACE);
    assertThat(again.requests).hasSize(8);
    assertThat(lines("repos")).hasSize(3);
    assertThat(lines("issues")).hasSize(6);
  }
}
