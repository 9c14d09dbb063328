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

  @Test
  void failsAConnectorCaseStreamByStreamAndWalkByWalk() {
    CaseResult result = runner.run(resource("broken-connector-case"));

    assertThat(result.passed()).isFalse();
    assertThat(result.report())
        .isEqualTo(
            """
            FAIL broken-connector-case  (a connector case whose stream and walk expectations are wrong, and a walk fails unexpectedly)
              * requests: expected 2, got 7
              * unexpected failure in stream issues, walk 102:
                    broken-connector/issues: GET ${baseUrl}/repos/acme/repo-2/issues returned 500 Server Error: {"message":"Injected failure"}
              * verdict: expected COMPLETE, got INCOMPLETE
              * stream repos: records expected 3, got 2
              * stream issues, walk 101: stop reason expected condition-false, got no-pagination
              * stream issues, walk 101: records expected 1, got 2
              * stream issues, walk 999: expected, but the stream has no such walk (it has 101, 102)
              * stream labels: expected, but the run has no such stream (it has repos, issues)
              run: INCOMPLETE
                stream repos: UNVERIFIED, 1 walk, 2 records, 1 request
                stream issues: INCOMPLETE, 2 walks, 2 records, 6 requests
                  walk 102 failed: broken-connector/issues: GET ${baseUrl}/repos/acme/repo-2/issues returned 500 Server Error: {"message":"Injected failure"}
              requests made (7):
                1. 200  GET /orgs/acme/repos
                2. 200  GET /repos/acme/repo-1/issues
                3. 500  GET /repos/acme/repo-2/issues
                4. 500  GET /repos/acme/repo-2/issues
                5. 500  GET /repos/acme/repo-2/issues
                6. 500  GET /repos/acme/repo-2/issues
                7. 500  GET /repos/acme/repo-2/issues
            """);
  }

  static Path resource(String name) {
    try {
      return Path.of(CaseRunnerReportTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
