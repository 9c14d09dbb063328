package dev.pagewalk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The runner must fail wrong cases, and say why in a report a person can act on. */
class CaseRunnerReportTest {
  private final CaseRunner runner = new CaseRunner();

  @Test
  void failsABrokenCaseWithARecordDiffAndTheRequestsMade() {
    CaseResult result = runner.run(resource("broken-case"));

    assertThat(result.passed()).isFalse();
    assertThat(result.report())
        .isEqualTo(
            """
            FAIL broken-case  (next page token, with a wrong record, a missing one and a wrong stop reason)
              * records differ: expected 7, got 6
                  first difference at record 3, at $.name:
                    expected: {"id":3,"name":"item-THREE"}
                    actual:   {"id":3,"name":"item-3"}
                  missing (expected, not received):
                    #3 {"id":3,"name":"item-THREE"}
                    #7 {"id":7,"name":"item-7"}
                  extra (received, not expected):
                    #3 {"id":3,"name":"item-3"}
              * stop reason: expected empty-page, got condition-false
              run: stopped by condition-false after 3 requests, 3 pages, 6 records emitted
              requests made (3):
                1. 200  GET /items?pageSize=2
                2. 200  GET /items?pageSize=2&pageToken=tok-2
                3. 200  GET /items?pageSize=2&pageToken=tok-3
            """);
  }

  @Test
  void failsACaseWhoseSpecSendsARequestNoMappingMatches() {
    CaseResult result = runner.run(resource("unmatched-case"));

    assertThat(result.passed()).isFalse();
    assertThat(result.failures())
        .contains("unmatched request: GET /items?page=two (no stub mapping matched it)");
    assertThat(result.report()).contains("2. 404  GET /items?page=two   <- unmatched");
  }

  @Test
  void failsACaseWhoseSpecSendsAQueryParameterItsStubDoesNotName() {
    CaseResult result = runner.run(resource("stray-parameter-case"));

    assertThat(result.passed()).isFalse();
    assertThat(result.failures())
        .containsExactly(
            "unexpected query parameter: GET /items?p=2 sends p, which its stub does not name"
                + " (it names page)");
  }

  static Path resource(String name) {
    try {
      return Path.of(CaseRunnerReportTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
