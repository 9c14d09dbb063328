package dev.pagewalk.conformance;

import dev.pagewalk.StreamsResult;
import dev.pagewalk.StreamsResult.StreamResult;
import dev.pagewalk.StreamsResult.WalkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Holds a connector run against {@code expect.streams}: each named stream's verdict and counts, and
 * each named walk's verdict, stop reason, counts and failure. A stream or walk the case names but
 * the run did not have is a problem of its own; walks the case does not name are not checked here.
 */
final class StreamChecks {
  private final UnaryOperator<String> withBaseUrl;
  private final UnaryOperator<String> shown;
  private final List<String> problems = new ArrayList<>();

  private StreamChecks(UnaryOperator<String> withBaseUrl, UnaryOperator<String> shown) {
    this.withBaseUrl = withBaseUrl;
    this.shown = shown;
  }

  static List<String> check(
      Map<String, StreamExpectation> expected,
      StreamsResult run,
      UnaryOperator<String> withBaseUrl,
      UnaryOperator<String> shown) {
    StreamChecks c = new StreamChecks(withBaseUrl, shown);
    expected.forEach((name, e) -> c.stream(name, e, run));
    return c.problems;
  }

  /** True when {@code walk} of {@code stream} failed and the case expects exactly that. */
  static boolean expectedToFail(
      Map<String, StreamExpectation> expected, String stream, String walk) {
    StreamExpectation s = expected.get(stream);
    StreamExpectation.WalkExpectation w = s == null ? null : s.walk().get(walk);
    return w != null && w.expectsFailure();
  }

  private void stream(String name, StreamExpectation e, StreamsResult run) {
    StreamResult s = run.stream(name).orElse(null);
    if (s == null) {
      problems.add(
          "stream "
              + name
              + ": expected, but the run has no such stream (it has "
              + String.join(", ", run.streams().stream().map(StreamResult::name).toList())
              + ")");
      return;
    }
    String where = "stream " + name;
    same(where, "verdict", e.verdict(), s.verdict().name());
    same(where, "records", e.records(), s.records());
    same(where, "requests", e.requests(), s.requests());
    same(where, "walks", e.walks(), (long) s.walks().size());
    e.walk().forEach((label, w) -> walk(s, label, w));
  }

  private void walk(StreamResult s, String label, StreamExpectation.WalkExpectation e) {
    String where = "stream " + s.name() + ", walk " + label;
    WalkResult w = s.walks().stream().filter(x -> x.walk().equals(label)).findFirst().orElse(null);
    if (w == null) {
      problems.add(
          where
              + ": expected, but the stream has no such walk (it has "
              + String.join(", ", s.walks().stream().map(WalkResult::walk).sorted().toList())
              + ")");
      return;
    }
    same(where, "verdict", e.verdict(), w.verdict().name());
    same(where, "stop reason", e.stopReason(), w.stopReason().wireName());
    same(where, "records", e.records(), w.records());
    same(where, "requests", e.requests(), w.requests());
    same(
        where,
        "error code",
        e.errorCode(),
        w.errorCode() == null ? null : w.errorCode().wireName());
    String failure = w.failure();
    if (e.failure() != null && !withBaseUrl.apply(e.failure()).equals(failure)) {
      problems.add(
          where
              + ": failure expected exactly\n    "
              + e.failure()
              + "\n  got\n    "
              + show(failure));
    }
    if (e.failureContains() != null
        && (failure == null || !failure.contains(withBaseUrl.apply(e.failureContains())))) {
      problems.add(
          where
              + ": failure expected to contain\n    "
              + e.failureContains()
              + "\n  got\n    "
              + show(failure));
    }
  }

  private void same(String where, String what, Object expected, Object actual) {
    if (expected != null && !Objects.equals(expected, actual)) {
      problems.add(where + ": " + what + " expected " + expected + ", got " + actual);
    }
  }

  private String show(String failure) {
    return failure == null ? "(no failure)" : shown.apply(failure).replace("\n", "\n    ");
  }
}
