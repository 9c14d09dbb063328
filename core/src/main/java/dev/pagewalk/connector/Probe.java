package dev.pagewalk.connector;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunListener;
import dev.pagewalk.RunResult;
import dev.pagewalk.StopReason;
import dev.pagewalk.engine.Engine;
import dev.pagewalk.engine.Shared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The first pages of one walk, read to estimate the whole walk: the walk is run with {@code
 * limits.maxPaginationRequests} set to the probe's budget of pages less one (or the run's own cap,
 * when that is lower), so it sends its chain steps and at most that many pages. A walk that ends
 * within them is known exactly; otherwise what its pages said — the API's total ({@code
 * audit.total}), how many items a page holds — is what the rest is worked out from.
 *
 * @param requests requests the probe sent
 * @param pages pages it read
 * @param records records its pages delivered
 * @param items items its pages held (before filtering)
 * @param pageSize items of its fullest page
 * @param more whether the walk had more pages when the probe stopped
 * @param capped whether the run's own {@code limits.maxPaginationRequests} stopped it, so that the
 *     run would stop the walk there too
 * @param total the API's total on its last page, when the spec reads one; null otherwise
 * @param next its last page's {@code Link rel="next"}; null for none
 * @param last its last page's {@code Link rel="last"}; null for none
 * @param millis how long its pages took, from send to response, added up
 * @param delivered the records of its pages
 * @param failure why the probe failed; null when it did not
 */
record Probe(
    long requests,
    long pages,
    long records,
    long items,
    long pageSize,
    boolean more,
    boolean capped,
    Long total,
    String next,
    String last,
    long millis,
    List<Object> delivered,
    String failure) {

  /**
   * Sends {@code walk}'s chain steps and at most {@code budget} pages, or {@code
   * maxPaginationRequests + 1} when that is fewer; {@code links} gives the links of the latest
   * response.
   */
  static Probe of(
      Walk walk,
      RunInput input,
      Shared shared,
      Engine.Plugins plugins,
      Supplier<Map<String, String>> links,
      int budget,
      long maxPaginationRequests) {
    long[] seen = new long[4];
    Long[] total = new Long[1];
    String[] link = new String[2];
    RunListener listener =
        new RunListener() {
          @Override
          public void onPage(PageEvent event) {
            seen[0]++;
            seen[1] += event.items();
            seen[2] = Math.max(seen[2], event.items());
            seen[3] += event.durationMillis();
            total[0] = event.total() instanceof Number n ? n.longValue() : null;
            Map<String, String> latest = links.get();
            link[0] = latest.get("next");
            link[1] = latest.get("last");
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
    boolean capAtMost = maxPaginationRequests <= budget - 1L;
    long paginationRequests = capAtMost ? maxPaginationRequests : budget - 1L;
    List<Object> delivered = new ArrayList<>();
    RunResult result =
        Engine.walk(
            walk.stream().plan(),
            input.withLimits(overrides(input).withMaxPaginationRequests(paginationRequests)),
            walk.variables(),
            shared,
            (records, after) -> records.forEach(r -> delivered.add(r.value())),
            null,
            null,
            probing);
    boolean more = result.stopReason() == StopReason.MAX_PAGINATION_REQUESTS;
    return new Probe(
        result.stats().logicalRequests(),
        seen[0],
        result.stats().recordsEmitted(),
        seen[1],
        seen[2],
        more,
        more && capAtMost,
        total[0],
        link[0],
        link[1],
        seen[3],
        List.copyOf(delivered),
        result.failure() == null ? null : result.failure().getMessage());
  }

  /** No cap but the request timeout; the walk's pages are bounded by {@link #of}. */
  static LimitOverrides overrides(RunInput input) {
    return new LimitOverrides(
        LimitOverrides.UNLIMITED,
        LimitOverrides.UNLIMITED,
        LimitOverrides.UNLIMITED,
        input.limits().timeout());
  }
}
