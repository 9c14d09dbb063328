package dev.pagewalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagewalk.conformance.CaseLoader;
import dev.pagewalk.conformance.livedata.LiveDataConfig;
import dev.pagewalk.conformance.livedata.LiveDataServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pagewalk plan} against the live-data mock's nested resources, which give no totals: the
 * estimate of total requests is within a quarter of what the run that follows sends, counted at the
 * mock.
 */
class PlanOnLiveDataTest {
  private static final Path TUTORIAL = Path.of("..", "docs", "tutorial", "connector");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** What {@code plan --format json} said and what the run then sent, both counted at the mock. */
  private record Outcome(JsonNode plan, int probesSent, int runSent) {
    long estimated() {
      return plan.get("requests").asLong();
    }
  }

  private Outcome planThenRun(LiveDataConfig config, Path spec, String... inputs) throws Exception {
    try (LiveDataServer server = LiveDataServer.start(config)) {
      Cli.Result plan =
          Cli.plain().run(args("plan", spec, server.baseUrl(), inputs, "--format", "json"));
      assertThat(plan.err()).isEmpty();
      int probes = server.requests().size();
      Cli.Result run =
          Cli.plain()
              .run(args("run", spec, server.baseUrl(), inputs, "--out", dir.resolve("out") + ""));
      assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.COMPLETE);
      Outcome o = new Outcome(JSON.readTree(plan.out()), probes, server.requests().size() - probes);
      System.out.printf(
          "plan on live data: %s: %d requests estimated (%s), %d sent, %d probe requests%n",
          spec.getFileName(),
          o.estimated(),
          o.plan.path("certainty").asText("?"),
          o.runSent(),
          o.probesSent());
      assertThat(o.plan.get("probeRequests").asInt()).isEqualTo(probes);
      assertThat(Math.abs(o.estimated() - o.runSent()))
          .as("estimated %d, sent %d", o.estimated(), o.runSent())
          .isLessThanOrEqualTo(o.runSent() / 4);
      return o;
    }
  }

  private static String[] args(
      String command, Path spec, String baseUrl, String[] inputs, String... more) {
    List<String> all = new ArrayList<>(List.of(command, spec.toString(), "--base-url", baseUrl));
    all.addAll(List.of(inputs));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void theTutorialsConnectorIsEstimatedExactlyByWalksThatEndWithinTheProbe() throws Exception {
    LiveDataConfig config = CaseLoader.load(TUTORIAL.resolve("live"), "live").liveData();
    Outcome o =
        planThenRun(
            config,
            TUTORIAL.resolve("acme.yaml"),
            "-p",
            "org=acme",
            "-p",
            "from=2026-01-01",
            "-p",
            "to=2026-01-03");
    assertThat(o.runSent()).isEqualTo(10);
    assertThat(o.estimated()).isEqualTo(10);
  }

  private static final String PAGING =
      """
            pagination:
              mergeWithParent: false
              url: "{{links.next}}"
              condition: "{{links.next}}"
      """;

  /**
   * 20 repositories in one page, and their issues in pages of 2 with no total: 5, 0, 2, 9, 0 and 3
   * issues, cycled (1 to 5 pages; a repository of 9 goes on past the probe's 3 pages).
   */
  @Test
  void aFanOutToChildrenOfUnevenSizesSomeEmptyIsEstimatedFromASampleOfThem() throws Exception {
    Path spec =
        write(
            "tracker.yaml",
            """
            pagewalk: 1
            name: tracker
            retry: {maxAttempts: 1}
            limits: {maxRequests: unlimited, maxRecords: unlimited}
            streams:
              repos:
                request:
                  url: /orgs/acme/repos
                  qs: {per_page: 100}
                  response: {iterate: "{{body}}", key: "{{item.id}}"}
            %s
              issues:
                parent: repos
                request:
                  url: "/repos/{{parent.full_name}}/issues"
                  response: {iterate: "{{body}}", key: ["{{parent.id}}", "{{item.number}}"]}
            %s
            """
                .formatted(PAGING.stripTrailing(), PAGING.stripTrailing()));
    Outcome o =
        planThenRun(
            live(Map.of("orgs", 1, "repos", List.of(20), "issues", List.of(5, 0, 2, 9, 0, 3))),
            spec);
    // 1 page of repositories; 3 + 1 + 1 + 5 + 1 + 2 pages of issues per 6 repositories
    assertThat(o.runSent()).isEqualTo(1 + 3 * 13 + 3 + 1);
    JsonNode issues = o.plan().get("streams").get(1);
    assertThat(issues.get("walks").asInt()).isEqualTo(20);
    // the sampled repository of 9 issues went on past its probe: the estimate is a floor
    assertThat(issues.get("certainty").asText()).isEqualTo("lower-bound");
    assertThat(issues.get("basis").asText())
        .isEqualTo(
            "one per repos record, a sample of 5 probed: 4 ended within the probe, 1 went on past"
                + " the probe with nothing to count the rest");
    assertThat(o.estimated()).isLessThanOrEqualTo(o.runSent());
  }

  /** 40 events, one every 5 hours (4 or 5 a day), read in daily windows over 10 days. */
  @Test
  void datePartitionsAreEstimatedFromASampleOfWindowsSpreadOverTheRange() throws Exception {
    Path spec =
        write(
            "events.yaml",
            """
            pagewalk: 1
            name: feed
            retry: {maxAttempts: 1}
            limits: {maxRequests: unlimited, maxRecords: unlimited}
            streams:
              events:
                partitions:
                  dates: {from: "2026-01-01", to: "2026-01-11", step: 1d}
                request:
                  url: /events
                  qs: {since: "{{partition.start}}", until: "{{partition.end}}"}
                  response: {iterate: "{{body}}", key: "{{item.id}}"}
            %s
            """
                .formatted(PAGING.stripTrailing()));
    Outcome o =
        planThenRun(
            live(
                Map.of(
                    "orgs",
                    0,
                    "events",
                    Map.of("from", "2026-01-01T00:00:00Z", "count", 40, "every", "5h"))),
            spec);
    JsonNode events = o.plan().get("streams").get(0);
    assertThat(events.get("walks").asInt()).isEqualTo(10);
    assertThat(events.get("certainty").asText()).isEqualTo("extrapolated");
    assertThat(events.get("basis").asText())
        .isEqualTo("10 partitions, a sample of 5 probed: 5 ended within the probe");
  }

  private static LiveDataConfig live(Map<String, Object> nested) {
    return LiveDataConfig.fromMap(Map.of("pageSize", 2, "nested", nested));
  }

  private Path write(String name, String yaml) throws Exception {
    Path spec = dir.resolve(name);
    Files.writeString(spec, yaml);
    return spec;
  }
}
