package dev.pagewalk.engine;

import static dev.pagewalk.engine.ScriptedTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.OutputRecord;
import dev.pagewalk.Pagewalk;
import dev.pagewalk.RunInput;
import dev.pagewalk.Runner;
import dev.pagewalk.StopReason;
import dev.pagewalk.report.Check;
import dev.pagewalk.report.RunReport;
import dev.pagewalk.report.Verdict;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompletenessReportTest {
  private static String spec(String extra) {
    return """
        pagewalk: 1
        name: offsets
        baseUrl: http://api.test
        limits: {maxRecords: unlimited}
        request:
          url: /items
          qs: {limit: 2}
          response:
            iterate: "{{body.data}}"
            key: "{{item.id}}"
          pagination:
            qs: {offset: "{{pagination.offset}}"}
        """
        + extra;
  }

  private static String page(long total, long... ids) {
    StringBuilder data = new StringBuilder();
    for (long id : ids) {
      data.append(data.length() == 0 ? "" : ",").append("{\"id\":").append(id).append('}');
    }
    return "{\"total\":" + total + ",\"data\":[" + data + "]}";
  }

  private static Runner.Collected run(String yaml, ScriptedTransport t, RunInput in) {
    try (Runner r = Runner.builder().transport(t).sleeper(d -> {}).build()) {
      return r.collect(Pagewalk.parse("offsets.yaml", yaml), in);
    }
  }

  private static ScriptedTransport pages(String... bodies) {
    return new ScriptedTransport(
        (req, i) -> json(req, 200, i < bodies.length ? bodies[i] : page(0)));
  }

  @Nested
  class Verdicts {
    @Test
    void aMatchingTotalIsComplete() {
      Runner.Collected c =
          run(
              spec("audit: {total: \"{{body.total}}\"}\n"),
              pages(page(5, 1, 2), page(5, 3, 4), page(5, 5), page(5)),
              RunInput.empty());
      RunReport report = c.result().report();
      assertThat(report.verdict()).isEqualTo(Verdict.COMPLETE);
      assertThat(report.check("total").orElseThrow().summary())
          .isEqualTo("API total 5 = 5 distinct records collected");
      assertThat(report.records())
          .containsEntry("emitted", 5L)
          .containsEntry("duplicatesDropped", 0L);
      assertThat(report.stopReason()).isEqualTo(StopReason.EMPTY_PAGE);
      assertThat(report.toJson()).contains("\"stopReason\" : \"empty-page\"");
    }

    @Test
    void aTotalThatDisagreesIsIncompleteWithBothNumbers() {
      Runner.Collected c =
          run(
              spec("audit: {total: \"{{body.total}}\"}\n"),
              pages(page(6, 1, 2), page(6, 3, 4), page(6, 5), page(6)),
              RunInput.empty());
      RunReport report = c.result().report();
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPLETE);
      assertThat(report.reasons())
          .containsExactly("total: API total 6 ≠ 5 distinct records collected");
    }

    @Test
    void insertsAtTheHeadShowAsBoundaryDuplicatesAndAChangingTotal() {
      Runner.Collected c =
          run(
              spec("audit: {total: \"{{body.total}}\"}\n"),
              pages(page(5, 5, 4), page(6, 4, 3), page(6, 2, 1), page(6, 0), page(6)),
              RunInput.empty());
      RunReport report = c.result().report();
      assertThat(c.records().stream().map(OutputRecord::key).toList())
          .containsExactly(5L, 4L, 3L, 2L, 1L, 0L);
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPLETE);
      assertThat(report.check("boundary-duplicates").orElseThrow().outcome())
          .isEqualTo(Check.Outcome.FAIL);
      assertThat(report.check("total").orElseThrow().summary())
          .isEqualTo(
              "the API's total changed between pages (5 → 6): the data moved during the run");
      assertThat(report.records()).containsEntry("duplicatesDropped", 1L);
    }

    @Test
    void driftFailsTheRunWithItsCodeWhenTheSpecSaysSo() {
      Runner.Collected c =
          run(
              spec("audit: {total: \"{{body.total}}\", onDrift: fail}\n"),
              pages(page(5, 5, 4), page(6, 4, 3), page(6, 2, 1), page(6, 0), page(6)),
              RunInput.empty());
      assertThat(c.result().stopReason()).isEqualTo(dev.pagewalk.StopReason.ERROR);
      assertThat(c.result().failure().getMessage())
          .isEqualTo("offsets: drift detected (audit.onDrift: fail): records moved between pages");
      assertThat(c.result().failure().code()).isEqualTo(dev.pagewalk.ErrorCode.DRIFT);
      assertThat(c.result().report().toJson()).contains("\"errorCode\" : \"drift\"");
      assertThat(c.records()).hasSize(6);
    }

    @Test
    void aSpecWithNothingToCheckAgainstIsUnverifiedWithAdvice() {
      RunReport report =
          run(spec(""), pages(page(3, 1, 2), page(3, 3)), RunInput.empty()).result().report();
      assertThat(report.verdict()).isEqualTo(Verdict.UNVERIFIED);
      assertThat(report.advice())
          .singleElement()
          .asString()
          .startsWith("nothing to check completeness against");
    }

    @Test
    void aCappedRunIsIncompleteAndSaysWhichCap() {
      RunReport report =
          run(
                  spec("audit: {total: \"{{body.total}}\"}\n"),
                  pages(page(5, 1, 2), page(5, 3, 4), page(5, 5)),
                  RunInput.empty().withLimits(LimitOverrides.NONE.withMaxRecords(3)))
              .result()
              .report();
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPLETE);
      assertThat(report.reasons())
          .containsExactly(
              "stop: truncated by max-records (limits.maxRecords = 3): there may be more records");
      assertThat(report.advice())
          .containsExactly(
              "to read on, raise the cap: --max-records"
                  + " N|unlimited on the command line, or limits.maxRecords in the spec");
    }

    @Test
    void sequentialIdGapsAreReportedAsRanges() {
      RunReport report =
          run(
                  spec("audit: {sequentialId: \"{{item.id}}\"}\n"),
                  pages(page(0, 1, 2), page(0, 5, 6), page(0, 7, 9)),
                  RunInput.empty())
              .result()
              .report();
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPLETE);
      assertThat(report.check("sequential-id").orElseThrow().summary())
          .isEqualTo("3 ids missing between 1 and 9: 3-4, 8");
    }
  }

  @Nested
  class Rewalk {
    @Test
    void reReadsUntilTwoWalksAgreeAndDeliversTheUnion() {
      List<String> bodies =
          List.of(
              page(5, 5, 4),
              page(6, 4, 3),
              page(6, 2, 1),
              page(6, 0),
              page(6),
              page(6, 6, 5),
              page(6, 4, 3),
              page(6, 2, 1),
              page(6),
              page(6, 6, 5),
              page(6, 4, 3),
              page(6, 2, 1),
              page(6));
      ScriptedTransport t =
          new ScriptedTransport(
              (req, i) -> json(req, 200, i < bodies.size() ? bodies.get(i) : page(6)));
      Runner.Collected c =
          run(
              spec("audit: {total: \"{{body.total}}\", onDrift: rewalk, maxWalks: 4}\n"),
              t,
              RunInput.empty());
      assertThat(c.records().stream().map(OutputRecord::key).toList())
          .containsExactly(5L, 4L, 3L, 2L, 1L, 0L, 6L);
      RunReport report = c.result().report();
      assertThat(report.walks()).extracting(w -> w.get("keys")).containsExactly(6, 6, 6);
      assertThat(report.walks())
          .extracting(w -> w.get("drift"))
          .containsExactly(true, false, false);
      assertThat(report.verdict()).isEqualTo(Verdict.COMPLETE);
      assertThat(report.check("total").orElseThrow().summary())
          .isEqualTo("API total 6 = 6 distinct records collected");
    }
  }
}
