package dev.pagewalk.connector;

import dev.pagewalk.RunResult;
import dev.pagewalk.report.Check;
import dev.pagewalk.sink.WalkSink;
import java.util.EnumMap;
import java.util.Map;

/**
 * The page a walk ended with, held back from the sink until the walk returns its result, so that
 * the page is committed together with what the walk came to ({@link WalkSink.Outcome}): a walk's
 * verdict is known only once its checks ran after its last page. A walk that goes on after such a
 * page (a re-walk after drift) commits the held page first, without an outcome. One per walk, used
 * from the walk's thread only.
 */
final class LastPage {
  private WalkSink.Page held;

  /** Holds {@code page} until the walk returns. */
  void hold(WalkSink.Page page) {
    held = page;
  }

  /** The page held, if any, and holds nothing any more. */
  WalkSink.Page take() {
    WalkSink.Page page = held;
    held = null;
    return page;
  }

  /** {@code page} with what the walk came to, as {@code result} says. */
  static WalkSink.Page withOutcome(WalkSink.Page page, RunResult result) {
    return new WalkSink.Page(
        page.stream(), page.walk(), page.records(), page.after(), page.spawned(), outcome(result));
  }

  static WalkSink.Outcome outcome(RunResult result) {
    Map<Check.Kind, Check.Outcome> checks = new EnumMap<>(Check.Kind.class);
    result.report().checks().forEach(c -> checks.put(c.name(), c.outcome()));
    return new WalkSink.Outcome(
        result.report().verdict(),
        result.stopReason(),
        checks,
        result.report().reasons(),
        result.stats().recordsEmitted(),
        result.stats().requests(),
        result.failure() == null ? null : result.failure().getMessage(),
        result.failure() == null ? null : result.failure().code());
  }
}
