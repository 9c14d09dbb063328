package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import org.junit.jupiter.api.Test;

/** A page that breaks the spec's contract fails with the code of what happened. */
class RecordFailureCodesTest {
  private static final String SPEC =
      """
      pagewalk: 1
      name: records
      baseUrl: http://api.test
      request:
        url: /records
        response:
          iterate: "{{body.data}}"
          key: "{{item.id}}"
      """;

  private static RunResult run(String body) {
    ScriptedTransport t = new ScriptedTransport((req, i) -> json(req, 200, body));
    return Runner.builder()
        .transport(t)
        .build()
        .collect(Pagewalk.parse("records.yaml", SPEC), RunInput.empty())
        .result();
  }

  @Test
  void aRecordWithoutItsKeyIsMissingKey() {
    RunResult r = run("{\"data\":[{\"id\":1},{\"name\":\"no id\"}]}");
    assertThat(r.failure())
        .hasMessage("records: record 2 of page 1 has no key (response.key evaluated to null)");
    assertThat(r.failure().code()).isEqualTo(ErrorCode.MISSING_KEY);
  }

  @Test
  void anIterateThatIsNotAListIsIterateNotList() {
    RunResult r = run("{\"data\":{\"id\":1}}");
    assertThat(r.failure())
        .hasMessage("records: response.iterate must yield a list, got map on page 1");
    assertThat(r.failure().code()).isEqualTo(ErrorCode.ITERATE_NOT_LIST);
  }
}
