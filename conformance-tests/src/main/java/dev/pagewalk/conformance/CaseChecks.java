package dev.pagewalk.conformance;

import dev.pagewalk.RunResult;
import dev.pagewalk.StopReason;
import dev.pagewalk.StreamsResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a run's observations against a case's expectations. Each problem is one string: a headline,
 * then indented detail lines. Besides the explicit expectations it always checks that the mock API
 * matched every request, that the engine's request count agrees with what the mock API received,
 * and that no failure happened that the case did not expect.
 */
final class CaseChecks {
  private final Expectation expect;
  private final Observed seen;
  private final List<String> problems = new ArrayList<>();

  private CaseChecks(Expectation expect, Observed seen) {
    this.expect = expect;
    this.seen = seen;
  }

  static List<String> check(
      Expectation expect, List<Object> expectedRecords, List<Object> expectedKeys, Observed seen) {
    CaseChecks c = new CaseChecks(expect, seen);
    c.values("records", expectedRecords, seen.records());
    c.values("keys", expectedKeys, seen.keys());
    c.stopReason();
    c.requests();
    c.failure();
    c.resultFields();
    c.dataset();
    c.report();
    c.verdict();
    c.streams();
    c.mockApi();
    return c.problems;
  }

  private void values(String what, List<Object> expected, List<Object> actual) {
    if (expected == null) {
      return;
    }
    List<String> lines = RecordDiff.explain(what, expected, actual, expect.ordered());
    if (!lines.isEmpty()) {
      problems.add(String.join("\n", lines));
    }
  }

  private void stopReason() {
    if (expect.stopReason() == null) {
      return;
    }
    String got =
        seen.result() == null ? "none (the run threw)" : seen.result().stopReason().wireName();
    if (!expect.stopReason().equals(got)) {
      problems.add("stop reason: expected " + expect.stopReason() + ", got " + got);
    }
  }

  private void requests() {
    if (expect.requests() == null) {
      return;
    }
    long got =
        seen.streams() != null
            ? streamRequests()
            : seen.result() == null ? 0 : seen.result().stats().requests();
    if (expect.requests() != got) {
      problems.add("requests: expected " + expect.requests() + ", got " + got);
    }
  }

  private void failure() {
    String got = seen.failure();
    String error = withBaseUrl(expect.error());
    String contains = withBaseUrl(expect.errorContains());
    if (error != null && !error.equals(got)) {
      problems.add(
          "error: expected exactly\n    " + expect.error() + "\n  got\n    " + show(seen, got));
    }
    if (contains != null && (got == null || !got.contains(contains))) {
      problems.add(
          "error: expected a message containing\n    "
              + expect.errorContains()
              + "\n  got\n    "
              + show(seen, got));
    }
    if (seen.streams() != null) {
      unexpectedWalkFailures();
      return;
    }
    if (got != null && !expect.expectsFailure() && !failureExpectedByStopReason()) {
      problems.add(
          "unexpected failure" + (seen.thrown() ? " (thrown)" : "") + ":\n    " + show(seen, got));
    }
  }

  /**
   * A connector run fails walk by walk: each failed walk must be one the case expects to fail, in
   * {@code expect.streams}, unless {@code expect.error}/{@code errorContains} names a failure.
   */
  private void unexpectedWalkFailures() {
    if (expect.expectsFailure()) {
      return;
    }
    for (StreamsResult.StreamResult s : seen.streams().streams()) {
      for (StreamsResult.WalkResult w : s.walks()) {
        if (w.failure() != null
            && !StreamChecks.expectedToFail(expect.streams(), s.name(), w.walk())) {
          problems.add(
              "unexpected failure in stream "
                  + s.name()
                  + ", walk "
                  + w.walk()
                  + ":\n    "
                  + show(seen, w.failure()));
        }
      }
    }
  }

  private void verdict() {
    if (expect.verdict() == null) {
      return;
    }
    String got =
        seen.streams() != null
            ? seen.streams().verdict().name()
            : seen.result() == null
                ? "none (the run threw)"
                : seen.result().report().verdict().name();
    if (!expect.verdict().equals(got)) {
      problems.add("verdict: expected " + expect.verdict() + ", got " + got);
    }
  }

  private void streams() {
    if (expect.streams().isEmpty()) {
      return;
    }
    if (seen.streams() == null) {
      problems.add(
          "streams: expected "
              + expect.streams().keySet()
              + ", but the spec is not a connector run");
      return;
    }
    problems.addAll(
        StreamChecks.check(expect.streams(), seen.streams(), this::withBaseUrl, seen::shown));
  }

  private long streamRequests() {
    return seen.streams().streams().stream().mapToLong(StreamsResult.StreamResult::requests).sum();
  }

  private boolean failureExpectedByStopReason() {
    try {
      return expect.stopReason() != null
          && StopReason.fromWireName(expect.stopReason()).kind() == StopReason.Kind.FAILED;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void resultFields() {
    if (expect.result().isEmpty()) {
      return;
    }
    if (seen.result() == null) {
      problems.add("result: expected " + expect.result() + ", but the run threw before finishing");
      return;
    }
    problems.addAll(ResultFields.check(expect.result(), seen.result()));
  }

  private void dataset() {
    if (expect.dataset() == null || seen.dataset() == null) {
      return;
    }
    problems.addAll(
        DatasetCheck.check(expect.dataset(), expect.idField(), seen.records(), seen.dataset()));
  }

  private void report() {
    if (expect.report() == null) {
      return;
    }
    problems.addAll(
        ReportCheck.check(
            expect.report(),
            seen.result() == null ? null : seen.result().report(),
            this::withBaseUrl,
            seen::shown));
  }

  private void mockApi() {
    for (String request : seen.unmatched()) {
      problems.add("unmatched request: " + request + " (no stub mapping matched it)");
    }
    for (String stray : seen.strayQueryParameters()) {
      problems.add("unexpected query parameter: " + stray);
    }
    if (seen.streams() != null && streamRequests() != seen.served().size()) {
      problems.add(
          "request count: the engine reports "
              + streamRequests()
              + " requests, the mock API received "
              + seen.served().size());
    }
    RunResult r = seen.result();
    if (r != null
        && r.stopReason() != StopReason.TIMEOUT
        && r.stats().requests() != seen.served().size()) {
      problems.add(
          "request count: the engine reports "
              + r.stats().requests()
              + " requests, the mock API received "
              + seen.served().size());
    }
  }

  /** Expected messages say {@code ${baseUrl}} where the mock API's address appears. */
  private String withBaseUrl(String message) {
    return message == null ? null : message.replace("${baseUrl}", seen.baseUrl());
  }

  private static String show(Observed seen, String message) {
    return message == null
        ? "(no failure: the run succeeded)"
        : seen.shown(message).replace("\n", "\n    ");
  }
}
