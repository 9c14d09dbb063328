package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A runtime expression error names the template's file, line, column and pointer, as a compiler
 * would.
 */
class ExpressionLocationTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: customers
      baseUrl: http://api.test
      limits: {maxRecords: unlimited}
      parameters: {tag: {type: string, default: x}}
      request:
        url: /customers
        qs: {limit: "{{QS}}"}
        response:
          iterate: "{{ITERATE}}"
          key: "{{item.id}}"
          output: {id: "{{item.id}}", next: "{{OUTPUT}}"}
        pagination:
          qs: {cursor: "{{body.next}}"}
          condition: "{{CONDITION}}"
      """;
  private static final String FAILS = "parseNumber(body.next)";

  private static RunResult run(String qs, String iterate, String output, String condition) {
    String spec =
        SPEC.replace("QS", qs)
            .replace("ITERATE", iterate)
            .replace("OUTPUT", output)
            .replace("CONDITION", condition);
    AtomicInteger pages = new AtomicInteger();
    ScriptedTransport t =
        new ScriptedTransport(
            (req, i) ->
                json(
                    req,
                    200,
                    pages.incrementAndGet() == 1
                        ? "{\"data\":[{\"id\":1}],\"next\":\"b\"}"
                        : "{\"data\":[]}"));
    return Runner.builder()
        .transport(t)
        .build()
        .collect(Pagewalk.parse("customers.yaml", spec), RunInput.empty())
        .result();
  }

  private static void assertFailure(RunResult r, String message) {
    assertThat(r.stopReason()).isEqualTo(StopReason.ERROR);
    assertThat(r.failure()).hasMessage(message);
    assertThat(r.failure().code()).isEqualTo(ErrorCode.EXPRESSION);
  }

  @Test
  void anIterateErrorNamesItsTemplate() {
    assertFailure(
        run("2", FAILS, "body.next", "body.next"),
        "customers.yaml:10:17 (/request/response/iterate): expression {{parseNumber(body.next)}}:"
            + " cannot parse 'b' as a number");
  }

  @Test
  void anOutputErrorNamesItsField() {
    assertFailure(
        run("2", "body.data", FAILS, "body.next"),
        "customers.yaml:12:42 (/request/response/output/next): expression {{parseNumber(body.next)}}:"
            + " cannot parse 'b' as a number");
  }

  @Test
  void aRequestTemplateErrorNamesItsParameter() {
    assertFailure(
        run("parseNumber(parameters.tag)", "body.data", "body.next", "body.next"),
        "customers.yaml:8:18 (/request/qs/limit): expression {{parseNumber(parameters.tag)}}:"
            + " cannot parse 'x' as a number");
  }

  @Test
  void aPaginationConditionErrorNamesItsCondition() {
    assertFailure(
        run("2", "body.data", "body.next", FAILS),
        "customers.yaml:15:19 (/request/pagination/condition): expression {{parseNumber(body.next)}}:"
            + " cannot parse 'b' as a number");
  }
}
