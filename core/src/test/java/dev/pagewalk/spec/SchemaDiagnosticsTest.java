package dev.pagewalk.spec;

import static dev.pagewalk.spec.SpecReaderTest.headlines;
import static dev.pagewalk.spec.SpecReaderTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaDiagnosticsTest {
  private static final String HEAD = "pagewalk: 1\nname: demo\n";

  @Nested
  class UnknownKeys {
    @Test
    void pointsAtTheKeyAndSuggestsTheClosestName() {
      assertThat(only(HEAD + "request:\n  url: /a\n  paginaton:\n    condition: true\n").format())
          .isEqualTo(
              """
              demo.yaml:5:3: unknown key 'paginaton' in request (at /request/paginaton)
                  paginaton:
                  ^
                hint: did you mean 'pagination'?""");
    }

    @Test
    void listsTheAllowedKeysWhenNothingIsClose() {
      assertThat(only(HEAD + "request: {url: /a}\nlimits: {pages: 3}\n").hint())
          .isEqualTo(
              "allowed: maxPaginationRequests, maxRecords, maxRequests, runTimeout, timeout");
    }

    @Test
    void refusesAStatusOverrideOutsideTheHttpRange() {
      assertThat(
              only(HEAD + "request:\n  url: /a\n  response:\n    error:\n      604: {message: x}\n")
                  .format())
          .isEqualTo(
              """
              demo.yaml:7:7: unknown key '604' in request.response.error (at /request/response/error/604)
                      604: {message: x}
                      ^
                hint: allowed: message, type, or an HTTP status such as "404\"""");
    }
  }

  @Nested
  class WrongTypes {
    @Test
    void namesBothFormsOfACountAndWhatWasWritten() {
      assertThat(only(HEAD + "request: {url: /a}\nlimits:\n  maxRecords: lots\n").format())
          .isEqualTo(
              """
              demo.yaml:5:15: expected integer or "unlimited" at limits.maxRecords, got string "lots" (at /limits/maxRecords)
                  maxRecords: lots
                              ^""");
    }

    @Test
    void explainsDurations() {
      assertThat(only(HEAD + "request:\n  url: /a\n  pagination: {delay: 5 seconds}\n").format())
          .isEqualTo(
              """
              demo.yaml:5:23: expected a duration at request.pagination.delay, got string "5 seconds" (at /request/pagination/delay)
                  pagination: {delay: 5 seconds}
                                      ^
                hint: write a whole number and a unit: 250ms, 40s, 5m or 1h""");
    }

    @Test
    void reportsTheBoundOfTheBranchTheValueFits() {
      assertThat(
              headlines(
                  HEAD + "request:\n  url: /a\n  response: {limit: 0}\nretry: {on: [5, iox]}\n"))
          .containsExactly(
              "demo.yaml:5:21: expected at least 1 at request.response.limit, got integer 0",
              "demo.yaml:6:14: expected integer from 100 to 599 or \"io\" at retry.on[0], got integer 5",
              "demo.yaml:6:17: expected integer or \"io\" at retry.on[1], got string \"iox\"");
    }

    @Test
    void reportsAMissingKeyInsideTheObjectFormOfIterate() {
      assertThat(
              headlines(
                  HEAD + "request:\n  url: /a\n  response:\n    iterate: {condition: true}\n"))
          .containsExactly(
              "demo.yaml:6:5: missing required key 'container' in request.response.iterate");
    }

    @Test
    void suggestsTheRightCaseOfAnEnumValue() {
      var d = only(HEAD + "request:\n  url: /a\n  method: get\n");
      assertThat(d.headline())
          .isEqualTo(
              "demo.yaml:5:11: expected one of GET, POST, PUT, PATCH,"
                  + " DELETE, HEAD, OPTIONS at request.method, got string \"get\"");
      assertThat(d.hint()).isEqualTo("did you mean 'GET'?");
    }

    @Test
    void reportsAnEmptyValue() {
      assertThat(headlines(HEAD + "request:\n  url:\n"))
          .containsExactly("demo.yaml:4:7: expected string at request.url, got null");
    }

    @Test
    void reportsAnExpressionOfTheWrongType() {
      assertThat(headlines(HEAD + "request:\n  url: /a\n  condition: 3\n"))
          .containsExactly(
              "demo.yaml:5:14: expected string or boolean at request.condition, got integer 3");
    }

    @Test
    void reportsTheFormatVersionAndAnInvalidName() {
      assertThat(headlines("pagewalk: 2\nname: Demo\nrequest: {url: /a}\n"))
          .containsExactly(
              "demo.yaml:1:11: expected 1 at pagewalk, got integer 2",
              "demo.yaml:2:7: expected a string matching ^[a-z0-9][a-z0-9-]*$ at name, got string \"Demo\"");
    }

    @Test
    void refusesAParameterNameThatIsNoIdentifier() {
      assertThat(headlines(HEAD + "parameters:\n  a-b: {type: integer}\nrequest: {url: /a}\n"))
          .containsExactly("demo.yaml:4:3: invalid name 'a-b' in parameters");
    }

    @Test
    void refusesAListAsTheWholeSpec() {
      assertThat(headlines("- a\n- b\n"))
          .containsExactly("demo.yaml:1:1: expected object at the top level, got array");
    }
  }

  @Nested
  class RequiredKeys {
    @Test
    void reportsEveryMissingKeyAtItsObject() {
      assertThat(headlines("request:\n  method: GET\n"))
          .containsExactly(
              "demo.yaml:1:1: missing required key 'pagewalk'",
              "demo.yaml:1:1: missing required key 'name'",
              "demo.yaml:1:1: missing required key 'url' in request");
    }

    @Test
    void requiresARequestOrAChain() {
      assertThat(only(HEAD).format())
          .isEqualTo(
              """
          demo.yaml:1:1: missing required key 'request' (or 'requests' for a chain, 'streams' for a connector) (at /)
            pagewalk: 1
            ^""");
    }

    @Test
    void refusesBothARequestAndAChain() {
      assertThat(only(HEAD + "request: {url: /a}\nrequests:\n  - url: /b\n").format())
          .isEqualTo(
              """
              demo.yaml:4:1: use either 'request' or 'requests', not both (at /requests)
                requests:
                ^
                hint: 'request' is one request; 'requests' is a chain of them""");
    }

    @Test
    void refusesAnEmptyChain() {
      assertThat(headlines(HEAD + "requests: []\n"))
          .containsExactly("demo.yaml:3:11: expected at least 1 item(s) at requests");
    }
  }

  @Nested
  class AllAtOnce {
    @Test
    void reportsEveryProblemInSourceOrder() {
      String yaml =
          "name: demo\nrequest:\n  url: {{next}}\n  methd: GET\n  url: /b\n"
              + "limits: {timeout: soon}\n";
      assertThat(headlines(yaml))
          .containsExactly(
              "demo.yaml:1:1: missing required key 'pagewalk'",
              "demo.yaml:3:8: unquoted expression: YAML reads {{...}} as a map; quote it",
              "demo.yaml:4:3: unknown key 'methd' in request",
              "demo.yaml:5:3: duplicate key 'url' (first at line 3)",
              "demo.yaml:6:19: expected a duration like 40s or \"unlimited\" at limits.timeout,"
                  + " got string \"soon\"");
    }
  }
}
