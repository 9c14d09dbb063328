package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.Pagewalk;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.audit.AuditLog;
import dev.pagewalk.sink.Reconciliation;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditLogAndReconcileTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: pages
      baseUrl: http://api.test
      connection:
        token: {type: string, secret: true}
      limits: {maxRecords: unlimited}
      request:
        url: /items
        qs: {access_token: "{{connection.token}}"}
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
        pagination:
          qs: {page: "{{pagination.page}}"}
      """;

  private static ScriptedTransport api() {
    return new ScriptedTransport(
        (req, i) ->
            json(
                req,
                200,
                switch (i) {
                  case 0 -> "{\"data\":[{\"id\":1},{\"id\":2}]}";
                  case 1 -> "{\"data\":[{\"id\":3}]}";
                  default -> "{\"data\":[]}";
                }));
  }

  private static final RunInput INPUT =
      RunInput.empty().withConnection(Map.of("token", "tok-123456"));

  @Test
  void theAuditLogHasALinePerPageWithTheRunIdAndNoSecrets() {
    StringWriter log = new StringWriter();
    RunResult r;
    try (Runner runner = Runner.builder().transport(api()).sleeper(d -> {}).build()) {
      r = runner.run(Pagewalk.parse("pages.yaml", SPEC), INPUT, rec -> {}, new AuditLog(log));
    }
    String[] lines = log.toString().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0])
        .isEqualTo(
            "{\"event\":\"page\",\"runId\":\""
                + r.runId()
                + "\",\"page\":1,"
                + "\"pagingState\":{\"page\":1,\"offset\":0,\"pageSize\":0},"
                + "\"request\":\"GET http://api.test/items?access_token=***\",\"status\":200,\"attempts\":1,"
                + "\"items\":2,\"delivered\":2,\"duplicates\":0,\"firstKey\":1,\"lastKey\":2,"
                + "\"durationMillis\":"
                + lines[0].replaceAll(".*\"durationMillis\":(\\d+)}", "$1")
                + "}");
    assertThat(lines[1])
        .contains("\"page\":2", "\"pagingState\":{\"page\":2,\"offset\":2,\"pageSize\":2}");
    assertThat(lines[3])
        .startsWith(
            "{\"event\":\"end\",\"runId\":\""
                + r.runId()
                + "\",\"stopReason\":\"empty-page\",\"verdict\":\"UNVERIFIED\",\"records\":3");
    assertThat(log.toString()).doesNotContain("tok-123456");
  }

  @Test
  void reconcileNamesMissingAndExtraKeys() {
    Plan plan = Pagewalk.parse("pages.yaml", SPEC);
    Reconciliation rec;
    try (Runner runner = Runner.builder().transport(api()).sleeper(d -> {}).build()) {
      rec = runner.reconcile(plan, INPUT, stream -> Set.of("1", "3", "9"));
    }
    assertThat(rec.inSync()).isFalse();
    assertThat(rec.summary())
        .isEqualTo(
            "OUT OF SYNC: API 3 keys, destination 3 keys; missing 1 [2], extra 1 [9] (walk: empty-page)");
  }

  @Test
  void theRunIdCanTravelAsARequestHeader() {
    ScriptedTransport t = api();
    RunResult r;
    try (Runner runner =
        Runner.builder().transport(t).sleeper(d -> {}).correlationHeader("X-Request-Id").build()) {
      r = runner.collect(Pagewalk.parse("pages.yaml", SPEC), INPUT).result();
    }
    assertThat(t.requests)
        .allSatisfy(req -> assertThat(req.headers().first("X-Request-Id")).contains(r.runId()));
  }
}
