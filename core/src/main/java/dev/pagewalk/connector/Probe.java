package dev.pagewalk.connector;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * One walk's first page, read to estimate the whole walk: the walk is run with {@code
 * limits.maxPaginationRequests} 0, so it sends its chain steps and one page. What that page says —
 * whether there is more, the API's total ({@code audit.total}), how many items a page holds — gives
 * the walk's pages and records.
 *
 * @param requests requests the probe sent
 * @param records records its page delivered
 * @param items items its page held (before filtering)
 * @param more whether the walk had more pages
 * @param total the API's total, when the spec reads one; null otherwise
 * @param millis how long its page took, from send to response
 * @param delivered the records of its page
 * @param failure why the probe failed; null when it did not
 */
record Probe(
    long requests,
    long records,
    long items,
    boolean more,
    Long total,
    long millis,
    List<Object> delivered,
    String failure) {

  /** Sends {@code walk}'s chain steps and first page. */
  static Probe of(Walk walk, RunInput input, Engine.Shared shared, Engine.Plugins plugins) {
    long[] page = new long[2];
    Long[] total = new Long[1];
    RunListener listener =
        new RunListener() {
          @Override
          public void onPage(PageEvent event) {
            page[0] = event.items();
            page[1] = event.durationMillis();
            if (event.total() instanceof Number n) {
              total[0] = n.longValue();
            }
          }
        };
    Engine.Plugins probing =
        new Engine.Plugins(
            plugins.transport(),
            plugins.clock(),
            plugins.sleeper(),
            listener,
            plugins.correlationHeader(),
            null,
            plugins.tokenStore());
    List<Object> delivered = new ArrayList<>();
    RunResult result =
        Engine.walk(
            walk.stream().plan(),
            input.withLimits(overrides(input)),
            walk.variables(),
            shared,
            (records, after) -> records.forEach(r -> delivered.add(r.value())),
            null,
            null,
            probing);
    return new Probe(
        result.stats().logicalRequests(),
        result.stats().recordsEmitted(),
        page[0],
        result.stopReason() == StopReason.MAX_PAGINATION_REQUESTS,
        total[0],
        page[1],
        List.copyOf(delivered),
        result.failure() == null ? null : result.failure().getMessage());
  }

  /** One page per walk, and no other cap but the request timeout. */
  static LimitOverrides overrides(RunInput input) {
    return new LimitOverrides(
        LimitOverrides.UNLIMITED, 0L, LimitOverrides.UNLIMITED, input.limits().timeout());
  }
}
