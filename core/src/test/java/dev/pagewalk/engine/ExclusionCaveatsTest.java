package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import dev.pagewalk.report.RunReport;
import dev.pagewalk.report.Verdict;
import org.junit.jupiter.api.Test;

/**
 * What an endpoint is documented to leave out ({@code audit.excludes}) is a caveat of the report:
 * the verdict speaks for what the endpoint returns, and the caveat says what it never returns.
 */
class ExclusionCaveatsTest {
  @Test
  void aCompleteRunCarriesTheEndpointsExclusionsAsCaveats() {
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) -> json(req, 200, "{\"tickets\":[{\"id\":1},{\"id\":2}],\"count\":2}"));
    RunReport report;
    try (Runner runner = Runner.builder().transport(t).sleeper(d -> {}).build()) {
      report =
          runner
              .collect(
                  Pagewalk.parse(
                      "tickets.yaml",
                      """
                      pagewalk: 1
                      name: tickets
                      baseUrl: http://api.test
                      audit:
                        total: "{{body.count}}"
                        excludes: ["archived tickets - use the incremental export"]
                      request:
                        url: /tickets
                        response:
                          iterate: "{{body.tickets}}"
                          key: "{{item.id}}"
                      """),
                  RunInput.empty())
              .result()
              .report();
    }
    assertThat(report.verdict()).isEqualTo(Verdict.COMPLETE);
    assertThat(report.caveats()).containsExactly("archived tickets - use the incremental export");
    assertThat(report.toJson())
        .contains("\"caveats\" : [ \"archived tickets - use the incremental export\" ]");
    assertThat(report.summary())
        .contains("\n  caveat: archived tickets - use the incremental export");
  }
}
