package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.pagewalk.sinks.SqliteSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIntoSinkTest {
  MockServer api;
  final Cli cli = Cli.withEnvironment(Map.of("TOKEN", MockServer.TOKEN));
  @TempDir Path dir;

  @BeforeEach
  void start() {
    api = new MockServer().withTwoPages();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  Cli.Result run(String... options) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                RunCommandTest.SPEC,
                "--base-url",
                api.url(),
                "--connection=token=env:TOKEN"));
    args.addAll(List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  /** Page 2 fails until the returned stub is removed. */
  StubMapping failSecondPage() {
    return api.server.stubFor(
        get(urlPathEqualTo("/items"))
            .withQueryParam("cursor", equalTo("c2"))
            .atPriority(1)
            .willReturn(serverError().withBody("{\"message\":\"down for maintenance\"}")));
  }

  @Test
  void resumesARunStoppedMidwayIntoSqliteAndThenHasNothingToResume() throws Exception {
    Path db = dir.resolve("out.db");
    StubMapping outage = failSecondPage();

    Cli.Result first = run("--out", "sqlite:" + db, "--resume");
    assertThat(first.code()).isEqualTo(ExitCodes.RUN_FAILURE);
    assertThat(first.err())
        .contains("pagewalk run: no checkpoint for items: starting from the beginning\n");
    assertThat(first.out()).isEmpty();
    assertThat(rows(db)).isEqualTo(2);

    api.server.removeStub(outage);
    Cli.Result second = run("--out", "sqlite:" + db, "--resume");
    assertThat(second.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(second.err())
        .containsPattern("pagewalk run: resumed run [0-9a-f-]{36} at page 2 after 2 records\n");
    assertThat(rows(db)).isEqualTo(3);

    Cli.Result third = run("--out", "sqlite:" + db, "--resume");
    assertThat(third.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(third.err())
        .containsPattern(
            "pagewalk run: nothing to resume: the last run"
                + " \\([0-9a-f-]{36}\\) ended complete \\(condition-false\\) after 2 pages; nothing was written\n");
    assertThat(rows(db)).isEqualTo(3);
  }

  @Test
  void aJsonLinesFileKeepsItsCheckpointsInTheStateDirectory() throws Exception {
    Path file = dir.resolve("out.jsonl");
    StubMapping outage = failSecondPage();
    run("--out", file.toString());
    assertThat(Files.readAllLines(file)).hasSize(2);
    assertThat(dir.resolve(".pagewalk-state/items.checkpoint.json")).exists();

    api.server.removeStub(outage);
    Path state = dir.resolve("elsewhere");
    Cli.Result other = run("--out", file.toString(), "--state", state.toString(), "--resume");
    assertThat(other.err())
        .contains("pagewalk run: no checkpoint for items: starting from the beginning\n");
    Cli.Result again = run("--out", file.toString(), "--state", state.toString(), "--resume");
    assertThat(again.err()).contains("pagewalk run: nothing to resume: ");
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"id\":1,\"name\":\"ä\"}",
            "{\"id\":2,\"price\":1.50}",
            "{\"id\":3,\"tags\":[\"x\"]}");
  }

  @Test
  void refusesToResumeStdoutWhichKeepsNoCheckpoint() {
    Cli.Result r = run("--resume");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk run: --resume needs an --out that keeps checkpoints:"
                + " a FILE, sqlite:PATH or postgresql://...; stdout has nothing to resume from\n");
  }

  @Test
  void namesAnUnreachableDatabaseWithoutItsPassword() {
    Cli.Result r = run("--out", "postgresql://etl:hunter2@127.0.0.1:9/db");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .startsWith(
            "pagewalk run: cannot write --out postgresql://etl:***@127.0.0.1:9/db:"
                + " cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:9/db: ")
        .doesNotContain("hunter2");
  }

  @Test
  void twoSyncNamesKeepOneSpecWithTwoInputsSideBySideInOneDatabase() throws Exception {
    Path db = dir.resolve("out.db");
    Cli.Result two = run("--out", "sqlite:" + db, "-p", "page_size=2", "--sync-name", "items_by_2");
    Cli.Result three =
        run("--out", "sqlite:" + db, "-p", "page_size=3", "--sync-name", "items-by-3");
    Cli.Result mixed =
        run("--out", "sqlite:" + db, "-p", "page_size=3", "--sync-name", "items_by_2");

    assertThat(two.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(three.code()).isEqualTo(ExitCodes.COMPLETE);
    assertThat(mixed.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(mixed.err())
        .isEqualTo(
            "pagewalk run: items: the destination holds sync items_by_2"
                + " with other inputs (parameter page_size: 2 → 3); give this one its own --sync-name, or"
                + " start over with --replace\n");
    try (SqliteSink sink = SqliteSink.open(db)) {
      assertThat(sink.count("items_by_2")).isEqualTo(3);
      assertThat(sink.count("items-by-3")).isEqualTo(3);
      assertThat(sink.count("items")).isZero();
      assertThat(sink.checkpoint("items-by-3").orElseThrow().identity().parameters())
          .containsEntry("page_size", 3L);
    }
  }

  @Test
  void refusesASyncNameThatCannotNameATable() {
    Cli.Result r = run("--out", "sqlite:" + dir.resolve("out.db"), "--sync-name", "Items 2");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk run: items: sync name 'Items 2' is not allowed: use"
                + " lower-case letters, digits, '-' and '_' (at most 63), starting with a letter or digit\n");
  }

  @Test
  void resumeAndReplaceExcludeEachOther() {
    Cli.Result r = run("--out", "sqlite:" + dir.resolve("out.db"), "--resume", "--replace");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "pagewalk run: --resume and --replace exclude each other:"
                + " continue the last run, or start the sync over\n");
  }

  private static long rows(Path db) throws Exception {
    try (SqliteSink sink = SqliteSink.open(db)) {
      return sink.count("items");
    }
  }
}
