package dev.pagewalk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case file with a typo must fail loudly, never turn a check off. */
class CaseLoaderTest {
  @TempDir Path dir;

  @Test
  void failsACaseWithAnUnknownExpectationKey() throws Exception {
    write("specInline: 'pagewalk: 1'\nexpect: {stopreason: empty-page}\n");

    CaseResult result = new CaseRunner().run(dir, "typo");

    assertThat(result.passed()).isFalse();
    assertThat(result.failures())
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("case cannot be read: ")
        .endsWith(
            "case.yaml: unknown key 'expect.stopreason'; allowed: dataset, error, errorContains,"
                + " idField, keys, ordered, records, report, requests, result, specError, specErrorContains,"
                + " stopReason, streams, verdict");
  }

  @Test
  void readsLimitOverridesIncludingUnlimitedAndDurations() throws Exception {
    write("spec: s.yaml\nlimits: {maxRecords: unlimited, maxRequests: 10, timeout: 500ms}\n");

    ConformanceCase c = CaseLoader.load(dir, "limits");

    assertThat(c.limits().maxRecords()).isEqualTo(Long.MAX_VALUE);
    assertThat(c.limits().maxRequests()).isEqualTo(10L);
    assertThat(c.limits().timeout()).hasMillis(500);
    assertThat(c.spec()).isEqualTo(dir.resolve("s.yaml"));
    assertThat(c.expect().ordered()).isTrue();
  }

  @Test
  void readsTimeoutsAsSpecsWriteDurations() throws Exception {
    write("spec: s.yaml\nlimits: {timeout: 2m}\n");
    assertThat(CaseLoader.load(dir, "minutes").limits().timeout()).hasMinutes(2);

    write("spec: s.yaml\nlimits: {timeout: unlimited}\n");
    assertThat(CaseLoader.load(dir, "unlimited").limits().timeout())
        .isEqualTo(dev.pagewalk.LimitOverrides.NO_TIMEOUT);
  }

  @Test
  void failsATimeoutThatIsNoDuration() throws Exception {
    write("spec: s.yaml\nlimits: {timeout: 5 seconds}\n");

    assertThatThrownBy(() -> CaseLoader.load(dir, "bad-timeout"))
        .isInstanceOf(CaseFormatException.class)
        .hasMessage(
            dir.resolve("case.yaml")
                + ": limits.timeout must be a duration like 500ms, 5s,"
                + " 1m or 'unlimited', got '5 seconds'");
  }

  @Test
  void failsACaseThatNamesNoSpec() throws Exception {
    write("expect: {requests: 1}\n");

    CaseResult result = new CaseRunner().run(dir, "no-spec");

    assertThat(result.failures())
        .containsExactly(
            "case cannot be read: "
                + dir.resolve("case.yaml")
                + ": give exactly one of 'spec' (a path) or 'specInline'");
  }

  @Test
  void failsACaseWhoseExpectedRecordsAreNotJsonLines() throws Exception {
    write("specInline: 'pagewalk: 1'\nexpect: {records: expected.jsonl}\n");
    Files.writeString(dir.resolve("expected.jsonl"), "{\"id\": 1}\n{id: 2}\n");

    CaseResult result = new CaseRunner().run(dir, "bad-jsonl");

    assertThat(result.failures())
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("case cannot be read: expected.jsonl:2: not one JSON value: ");
  }

  @Test
  void failsALiveCaseThatAlsoHasMappings() throws Exception {
    write("specInline: 'pagewalk: 1'\nliveData: {style: token}\n");
    Files.createDirectories(dir.resolve("mappings"));

    CaseResult result = new CaseRunner().run(dir, "both");

    assertThat(result.failures())
        .containsExactly(
            "case cannot be read: "
                + dir.resolve("case.yaml")
                + ": give 'liveData' or a mappings/ folder, not both: the live-data mock serves the whole API");
  }

  @Test
  void failsADatasetExpectationWithoutLiveData() throws Exception {
    write("specInline: 'pagewalk: 1'\nexpect: {dataset: exact}\n");

    assertThat(new CaseRunner().run(dir, "no-live").failures())
        .containsExactly(
            "case cannot be read: "
                + dir.resolve("case.yaml")
                + ": expect.dataset needs 'liveData': only the live-data mock knows which records existed");
  }

  @Test
  void failsALiveDataConfigWithAnUnknownKeyAndAReportWithAnUnknownOutcome() throws Exception {
    write("specInline: 'pagewalk: 1'\nliveData: {styel: token}\n");
    assertThat(new CaseRunner().run(dir, "typo").failures())
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("case cannot be read: " + dir.resolve("case.yaml") + ": liveData: ")
        .contains("styel");

    write("specInline: 'pagewalk: 1'\nexpect: {report: {checks: {total: passed}}}\n");
    assertThat(new CaseRunner().run(dir, "outcome").failures())
        .containsExactly(
            "case cannot be read: "
                + dir.resolve("case.yaml")
                + ": expect.report.checks.total must be one of fail, not-applicable, pass, got 'passed'");
  }

  @Test
  void failsAStreamOrWalkExpectationWithAnUnknownKeyOrVerdict() throws Exception {
    write("specInline: 'pagewalk: 1'\nexpect: {streams: {issues: {record: 3}}}\n");
    assertThat(new CaseRunner().run(dir, "typo").failures())
        .containsExactly(
            "case cannot be read: "
                + dir.resolve("case.yaml")
                + ": unknown key 'expect.streams.issues.record'; allowed: records, requests, verdict,"
                + " walk, walks");

    write(
        "specInline: 'pagewalk: 1'\n"
            + "expect: {streams: {issues: {walk: {'101': {verdict: DONE}}}}}\n");
    assertThat(new CaseRunner().run(dir, "verdict").failures())
        .containsExactly(
            "case cannot be read: "
                + dir.resolve("case.yaml")
                + ": expect.streams.issues.walk.101.verdict must be one of COMPLETE, INCOMPLETE,"
                + " UNVERIFIED, got 'DONE'");
  }

  private void write(String yaml) throws Exception {
    Files.writeString(dir.resolve("case.yaml"), yaml);
  }
}
