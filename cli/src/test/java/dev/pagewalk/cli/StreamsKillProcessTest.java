package dev.pagewalk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector run into {@code --out DIR} — organisations, their repositories (one walk per
 * organisation), and tags — killed with SIGKILL several times, then resumed to the end: every
 * record of every stream is in its file exactly once, no walk that had finished before a kill is
 * fetched again, and the last run is COMPLETE: the walks finished before a kill count with the
 * verdict committed with their last page. SIGINT stops a run gracefully and prints the command that
 * continues it.
 */
class StreamsKillProcessTest {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final int ORG_PAGES = 3;
  static final int REPO_PAGES = 2;
  static final int TAG_PAGES = 3;
  static final String SPEC =
      """
      pagewalk: 1
      name: gh
      retry: {maxAttempts: 1}
      concurrency: 2
      streams:
        orgs:
          request:
            url: /orgs
            qs: {page: 1}
            response: {iterate: "{{body.data}}", key: "{{item.id}}"}
            pagination:
              qs: {page: "{{pagination.page}}"}
              condition: "{{body.more}}"
          audit: {total: "{{body.total}}"}
        repos:
          parent: orgs
          request:
            url: "/orgs/{{parent.id}}/repos"
            qs: {page: 1}
            response:
              iterate: "{{body.data}}"
              key: ["{{parent.id}}", "{{item.n}}"]
              output: {org: "{{parent.id}}", n: "{{item.n}}"}
            pagination:
              qs: {page: "{{pagination.page}}"}
              condition: "{{body.more}}"
          audit: {total: "{{body.total}}"}
        tags:
          request:
            url: /tags
            qs: {page: 1}
            response: {iterate: "{{body.data}}", key: "{{item}}"}
            pagination:
              qs: {page: "{{pagination.page}}"}
              condition: "{{body.more}}"
          audit: {total: "{{body.total}}"}
      """;

  @TempDir Path dir;
  MockServer api;
  CliProcess cli;
  Path out;
  Path journal;

  @BeforeEach
  void start() throws Exception {
    api = new MockServer();
    for (int p = 1; p <= ORG_PAGES; p++) {
      int a = 2 * p - 1;
      stub(
          "/orgs?page=" + p,
          "[{\"id\":" + a + "},{\"id\":" + (a + 1) + "}]",
          p < ORG_PAGES,
          2 * ORG_PAGES);
    }
    for (int org = 1; org <= 2 * ORG_PAGES; org++) {
      for (int p = 1; p <= REPO_PAGES; p++) {
        stub(
            "/orgs/" + org + "/repos?page=" + p, "[{\"n\":" + p + "}]", p < REPO_PAGES, REPO_PAGES);
      }
    }
    for (int p = 1; p <= TAG_PAGES; p++) {
      stub("/tags?page=" + p, "[\"t" + p + "a\",\"t" + p + "b\"]", p < TAG_PAGES, 2 * TAG_PAGES);
    }
    cli = CliProcess.in(dir, Map.of());
    out = dir.resolve("out");
    journal = dir.resolve(".pagewalk-state/gh.walks.jsonl");
    Files.writeString(dir.resolve("gh.yaml"), SPEC);
  }

  private void stub(String url, String data, boolean more, int total) {
    api.server.stubFor(
        get(urlEqualTo(url))
            .willReturn(
                okJson("{\"data\":" + data + ",\"more\":" + more + ",\"total\":" + total + "}")
                    .withFixedDelay(150)));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void killedSeveralTimesThenResumedHoldsEveryRecordOnceAndRefetchesNoFinishedWalk()
      throws Exception {
    Path report = dir.resolve("report.json");
    String[] args = {
      "run",
      "gh.yaml",
      "--base-url",
      api.url(),
      "--out",
      out.toString(),
      "-q",
      "--resume",
      "--fail-on",
      "unverified",
      "--report",
      report.toString()
    };
    int kills = 0;
    int committed = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
      Set<String> finished = finishedWalks();
      api.server.resetRequests();
      CliProcess.Running run = cli.start(args);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (run.process.isAlive() && pages() < committed + 3) {
        assertThat(System.nanoTime()).as("pages committed in time").isLessThan(deadline);
        Thread.sleep(20);
      }
      if (run.process.isAlive()) {
        run.signal("KILL");
        run.process.waitFor();
        kills++;
      }
      assertNoRequestTo(finished);
      committed = pages();
    }
    assertThat(kills).as("runs killed part way").isGreaterThanOrEqualTo(2);

    Set<String> finished = finishedWalks();
    api.server.resetRequests();
    CliProcess.Result last = cli.run(TIMEOUT, args);
    assertThat(last.code()).as(last.err()).isEqualTo(ExitCodes.COMPLETE);
    assertNoRequestTo(finished);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("verdict").asText())
        .as("every walk completed, in this run or an earlier one")
        .isEqualTo("COMPLETE");
    assertThat(json.findValues("walksFinishedEarlier")).as("walks finished earlier").isNotEmpty();

    assertEveryRecordOnce();
  }

  private void assertEveryRecordOnce() throws Exception {
    assertThat(Files.readAllLines(out.resolve("orgs.jsonl")))
        .containsExactlyInAnyOrderElementsOf(expected(2 * ORG_PAGES, id -> "{\"id\":" + id + "}"));
    List<String> repos = new ArrayList<>();
    for (int org = 1; org <= 2 * ORG_PAGES; org++) {
      for (int p = 1; p <= REPO_PAGES; p++) {
        repos.add("{\"org\":" + org + ",\"n\":" + p + "}");
      }
    }
    assertThat(Files.readAllLines(out.resolve("repos.jsonl")))
        .containsExactlyInAnyOrderElementsOf(repos);
    List<String> tags = new ArrayList<>();
    for (int p = 1; p <= TAG_PAGES; p++) {
      tags.add("\"t" + p + "a\"");
      tags.add("\"t" + p + "b\"");
    }
    assertThat(Files.readAllLines(out.resolve("tags.jsonl")))
        .containsExactlyInAnyOrderElementsOf(tags);
  }

  @Test
  void sigintStopsTheWalksAfterTheirPagesAndPrintsTheCommandThatContinuesTheRun() throws Exception {
    Path report = dir.resolve("stopped.json");
    CliProcess.Running run =
        cli.start(
            "run",
            "gh.yaml",
            "--base-url",
            api.url(),
            "--out",
            out.toString(),
            "--fail-on",
            "unverified",
            "--report",
            report.toString());
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (pages() < 2) {
      assertThat(System.nanoTime()).as("pages committed in time").isLessThan(deadline);
      Thread.sleep(10);
    }
    run.signal("INT");
    CliProcess.Result stopped = run.waitFor(TIMEOUT);

    assertThat(stopped.code()).as(stopped.err()).isEqualTo(ExitCodes.CANCELLED);
    assertThat(stopped.err())
        .startsWith(
            "pagewalk run: SIGINT: stopping after the page in flight (send it again to stop at"
                + " once)\n");
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile(
                "\npagewalk run: stopped after ([0-9]+) records; continue with: (.*)\n")
            .matcher(stopped.err());
    assertThat(line.find()).as(stopped.err()).isTrue();
    String command = line.group(2);
    assertThat(command)
        .isEqualTo(
            "pagewalk run gh.yaml --base-url "
                + api.url()
                + " --out "
                + out
                + " --fail-on unverified --report "
                + report
                + " --resume");
    long written = 0;
    for (String stream : List.of("orgs", "repos", "tags")) {
      Path file = out.resolve(stream + ".jsonl");
      written += Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
    assertThat(written)
        .as("records the stopped run wrote, whole pages")
        .isEqualTo(Long.parseLong(line.group(1)));
    assertThat(new ObjectMapper().readTree(report.toFile()).get("verdict").asText())
        .isEqualTo("INCOMPLETE");

    CliProcess.Result resumed =
        cli.run(TIMEOUT, command.substring("pagewalk ".length()).split(" "));

    assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.COMPLETE);
    String json = Files.readString(report);
    assertThat(ReportSchemaTest.violations(json)).isEmpty();
    assertThat(new ObjectMapper().readTree(json).get("verdict").asText()).isEqualTo("COMPLETE");
    assertEveryRecordOnce();
  }

  private static List<String> expected(int n, java.util.function.IntFunction<String> line) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(line.apply(i));
    }
    return out;
  }

  /** Page lines committed in the journal so far (a torn last line is not one). */
  private int pages() throws Exception {
    return journalLines().size() - 1;
  }

  private List<JsonNode> journalLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    if (!Files.exists(journal)) {
      return lines;
    }
    String text = Files.readString(journal);
    ObjectMapper json = new ObjectMapper();
    int end = text.lastIndexOf('\n');
    for (String line : text.substring(0, end + 1).split("\n")) {
      if (!line.isEmpty()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }

  /** The URL paths of the walks whose last committed checkpoint says they completed. */
  private Set<String> finishedWalks() throws Exception {
    Set<String> paths = new HashSet<>();
    for (JsonNode line : journalLines()) {
      if (line.has("checkpoint")
          && line.path("checkpoint").path("status").asText().equals("complete")) {
        String walk = line.path("walk").asText();
        paths.add(
            switch (line.path("stream").asText()) {
              case "repos" -> "/orgs/" + walk + "/repos";
              case "orgs" -> "/orgs";
              default -> "/tags";
            });
      }
    }
    return paths;
  }

  private void assertNoRequestTo(Set<String> finishedPaths) {
    List<String> sent =
        api.server.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList();
    for (String url : sent) {
      String path = url.substring(0, url.indexOf('?'));
      assertThat(finishedPaths).as("a finished walk fetched again: " + url).doesNotContain(path);
    }
  }
}
