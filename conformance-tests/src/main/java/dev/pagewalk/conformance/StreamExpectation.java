package dev.pagewalk.conformance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a case expects of one stream of a connector run (an entry of {@code expect.streams}). Every
 * field is optional; null is not checked. Immutable.
 *
 * @param verdict the stream's verdict: {@code COMPLETE}, {@code INCOMPLETE} or {@code UNVERIFIED}
 * @param records records its walks delivered
 * @param requests requests its walks sent, retries included
 * @param walks how many walks it ran
 * @param walk expectations of single walks, by walk name (the parent record's key as canonical
 *     JSON, the partition value, or the window {@code start/end}; empty for a stream walked once)
 */
public record StreamExpectation(
    String verdict, Long records, Long requests, Long walks, Map<String, WalkExpectation> walk) {
  static final Set<String> KEYS = Set.of("verdict", "records", "requests", "walks", "walk");
  static final Set<String> WALK_KEYS =
      Set.of(
          "verdict",
          "stopReason",
          "records",
          "requests",
          "failure",
          "failureContains",
          "errorCode");

  public StreamExpectation {
    // in the case file's order, so that a failing case lists its problems the same way every time
    walk = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(walk));
  }

  /**
   * What a case expects of one walk. Every field is optional; null is not checked.
   *
   * @param verdict the walk's verdict
   * @param stopReason why it stopped, by wire name
   * @param records records it delivered
   * @param requests requests it sent
   * @param failure its failure message, exactly ({@code ${baseUrl}} for the mock's address)
   * @param failureContains text its failure message must contain
   * @param errorCode the failure's stable code, by wire name ({@code http-status}, ...)
   */
  public record WalkExpectation(
      String verdict,
      String stopReason,
      Long records,
      Long requests,
      String failure,
      String failureContains,
      String errorCode) {

    /** True when the walk must have failed. */
    boolean expectsFailure() {
      return failure != null || failureContains != null || "error".equals(stopReason);
    }
  }

  /** Reads {@code expect.streams}: stream name to expectation, in the file's order. */
  static Map<String, StreamExpectation> read(Object value, Path file) {
    Map<String, StreamExpectation> out = new LinkedHashMap<>();
    CaseLoader.optionalMap(value, file, "expect.streams")
        .forEach((name, v) -> out.put(name, stream(v, file, "expect.streams." + name)));
    return out;
  }

  private static StreamExpectation stream(Object value, Path file, String key) {
    Map<String, Object> m = CaseLoader.map(value, file, key);
    CaseLoader.keys(m, KEYS, file, key + ".");
    Map<String, WalkExpectation> walks = new LinkedHashMap<>();
    CaseLoader.optionalMap(m.get("walk"), file, key + ".walk")
        .forEach((name, v) -> walks.put(name, walk(v, file, key + ".walk." + name)));
    return new StreamExpectation(
        CaseLoader.oneOf(m.get("verdict"), CaseLoader.VERDICTS, file, key + ".verdict"),
        CaseLoader.count(m.get("records"), file, key + ".records"),
        CaseLoader.count(m.get("requests"), file, key + ".requests"),
        CaseLoader.count(m.get("walks"), file, key + ".walks"),
        walks);
  }

  private static WalkExpectation walk(Object value, Path file, String key) {
    Map<String, Object> m = CaseLoader.map(value, file, key);
    CaseLoader.keys(m, WALK_KEYS, file, key + ".");
    return new WalkExpectation(
        CaseLoader.oneOf(m.get("verdict"), CaseLoader.VERDICTS, file, key + ".verdict"),
        CaseLoader.text(m.get("stopReason"), file, key + ".stopReason"),
        CaseLoader.count(m.get("records"), file, key + ".records"),
        CaseLoader.count(m.get("requests"), file, key + ".requests"),
        CaseLoader.text(m.get("failure"), file, key + ".failure"),
        CaseLoader.text(m.get("failureContains"), file, key + ".failureContains"),
        CaseLoader.text(m.get("errorCode"), file, key + ".errorCode"));
  }
}
