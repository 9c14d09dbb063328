package dev.pagewalk.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagewalk.Diagnostic;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.SpecException;
import dev.pagewalk.plan.Connector;
import dev.pagewalk.plan.PartitionPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectorLoadingTest {
  private static final String HEAD = "pagewalk: 1\nname: gh\nbaseUrl: http://x\n";

  private static List<String> headlines(String yaml) {
    try {
      Pagewalk.parse("gh.yaml", yaml);
    } catch (SpecException e) {
      return e.diagnostics().stream().map(Diagnostic::headline).toList();
    }
    throw new AssertionError("loaded without problems");
  }

  @Nested
  class Streams {
    @Test
    void loadsStreamsParentsFirstWithTheirOwnPlans() {
      Plan plan =
          Pagewalk.parse(
              "gh.yaml",
              HEAD
                  + "concurrency: 4\n"
                  + "streams:\n"
                  + "  issues:\n"
                  + "    parent: repos\n"
                  + "    request: {url: '/repos/{{parent.name}}/issues'}\n"
                  + "  repos:\n"
                  + "    request: {url: /repos}\n");
      assertThat(plan.streamNames()).containsExactly("repos", "issues");
      Connector connector = Connector.of(plan);
      assertThat(connector.concurrency()).isEqualTo(4);
      assertThat(connector.stream("issues").parent()).isEqualTo("repos");
      assertThat(connector.stream("issues").plan().name()).isEqualTo("gh/issues");
    }

    @Test
    void aOneRequestSpecIsAConnectorWithOneStreamNamedAfterIt() {
      Plan plan = Pagewalk.parse("gh.yaml", HEAD + "request: {url: /a}\n");
      assertThat(plan.streamNames()).containsExactly("gh");
      assertThat(Connector.of(plan).streams()).hasSize(1);
      assertThat(Connector.of(plan).concurrency()).isEqualTo(1);
    }

    @Test
    void readsDateAndValuePartitions() {
      Connector c =
          Connector.of(
              Pagewalk.parse(
                  "gh.yaml",
                  HEAD
                      + "streams:\n"
                      + "  events:\n"
                      + "    partitions: {dates: {from: '2024-01-01', to: '{{now}}', step: 1d}}\n"
                      + "    request: {url: '/events?since={{partition.start}}'}\n"
                      + "  states:\n"
                      + "    partitions: {values: [open, closed]}\n"
                      + "    request: {url: '/s/{{partition}}/{{stream.name}}'}\n"));
      assertThat(c.stream("events").partitions())
          .isInstanceOfSatisfying(
              PartitionPlan.Dates.class, d -> assertThat(d.step()).isEqualTo(Duration.ofDays(1)));
      assertThat(c.stream("states").partitions()).isInstanceOf(PartitionPlan.Values.class);
    }

    @Test
    void readsIsoAndShortSteps() {
      assertThat(dev.pagewalk.plan.StreamSteps.parse("P1D")).isEqualTo(Duration.ofDays(1));
      assertThat(dev.pagewalk.plan.StreamSteps.parse("PT6H")).isEqualTo(Duration.ofHours(6));
      assertThat(dev.pagewalk.plan.StreamSteps.parse("P2W")).isEqualTo(Duration.ofDays(14));
      assertThat(dev.pagewalk.plan.StreamSteps.parse("30m")).isEqualTo(Duration.ofMinutes(30));
      assertThat(dev.pagewalk.plan.StreamSteps.parse("1w")).isEqualTo(Duration.ofDays(7));
      assertThat(dev.pagewalk.plan.StreamSteps.parse("P0D")).isNull();
    }
  }

  @Nested
  class Refusals {
    @Test
    void namesAnUnknownParentWhereItIsWritten() {
      assertThat(
              headlines(
                  HEAD
                      + "streams:\n"
                      + "  repos: {request: {url: /r}}\n"
                      + "  issues: {parent: repo, request: {url: /i}}\n"))
          .containsExactly(
              "gh.yaml:6:20: stream 'issues' names the parent 'repo', which is not a stream" + "");
    }

    @Test
    void refusesAParentCycle() {
      assertThat(
              headlines(
                  HEAD
                      + "streams:\n"
                      + "  a: {parent: b, request: {url: /a}}\n"
                      + "  b: {parent: a, request: {url: /b}}\n"))
          .containsExactly(
              "gh.yaml:5:15: streams form a parent cycle: a -> b -> a",
              "gh.yaml:6:15: streams form a parent cycle: b -> a -> b");
    }

    @Test
    void refusesAStreamWithBothAParentAndPartitions() {
      assertThat(
              headlines(
                  HEAD
                      + "streams:\n"
                      + "  a: {request: {url: /a}}\n"
                      + "  b:\n"
                      + "    parent: a\n"
                      + "    partitions: {values: [1, 2]}\n"
                      + "    request: {url: /b}\n"))
          .containsExactly(
              "gh.yaml:8:17: stream 'b' has both a parent and partitions; a stream fans out"
                  + " over one");
    }

    @Test
    void refusesParentOutsideAChildStream() {
      assertThat(headlines(HEAD + "streams:\n" + "  a: {request: {url: '/a/{{parent.id}}'}}\n"))
          .containsExactly("gh.yaml:5:28: unknown variable 'parent'");
    }

    @Test
    void refusesStreamsNextToATopLevelRequest() {
      assertThat(headlines(HEAD + "request: {url: /a}\nstreams:\n  a: {request: {url: /a}}\n"))
          .containsExactly(
              "gh.yaml:5:1: use either 'streams' or a top-level 'request'/'requests', not both"
                  + "");
    }

    @Test
    void refusesAStreamWithoutARequest() {
      assertThat(headlines(HEAD + "streams:\n  a: {parent: b}\n  b: {request: {url: /b}}\n"))
          .containsExactly(
              "gh.yaml:5:6: missing required key 'request' (or 'requests' for a chain) in"
                  + " streams.a");
    }

    @Test
    void refusesAConcurrencyOutOfRange() {
      assertThat(headlines(HEAD + "concurrency: 0\nstreams:\n  a: {request: {url: /a}}\n"))
          .containsExactly("gh.yaml:4:14: expected at least 1 at concurrency, got integer 0");
    }

    @Test
    void aConnectorIsNotRunAsOneRequest() {
      Plan plan = Pagewalk.parse("gh.yaml", HEAD + "streams:\n  a: {request: {url: /a}}\n");
      assertThatThrownBy(() -> dev.pagewalk.plan.Plan.of(plan))
          .hasMessage("gh is a connector with the streams a: run it with Runner.runStreams");
    }
  }
}
