package dev.pagewalk.bench;

import dev.pagewalk.LimitOverrides;
import dev.pagewalk.Plan;
import dev.pagewalk.RunInput;
import dev.pagewalk.RunResult;
import dev.pagewalk.Runner;
import java.util.EnumMap;
import java.util.Map;

/**
 * The same walks through pagewalk: one spec per style, loaded once, one runner for all runs. With
 * {@code readAhead} (the runner's default) the next page's request is sent while a page is written;
 * without it every request waits for the page before it, as in the hand-written loop.
 */
final class PagewalkSide implements AutoCloseable {
  private static final LimitOverrides UNLIMITED =
      LimitOverrides.NONE
          .withMaxRecords(LimitOverrides.UNLIMITED)
          .withMaxRequests(LimitOverrides.UNLIMITED)
          .withMaxPaginationRequests(LimitOverrides.UNLIMITED);

  private final Runner runner;
  private final Map<Style, Plan> plans = new EnumMap<>(Style.class);

  /**
   * Over HTTP (the default transport) when {@code memory} is null, else through {@link
   * MemoryTransport}.
   */
  PagewalkSide(PageServer memory, boolean readAhead) {
    Runner.Builder builder = Runner.builder().readAhead(readAhead);
    this.runner =
        memory == null ? builder.build() : builder.transport(new MemoryTransport(memory)).build();
    for (Style s : Style.values()) {
      plans.put(s, s.plan());
    }
  }

  /**
   * Runs the style's spec and writes each record's value with pagewalk's JSON Lines writer; returns
   * the record count.
   */
  long run(Style style, String baseUrl, int pageSize, JsonLinesSink sink) {
    RunInput input =
        RunInput.empty()
            .withBaseUrl(baseUrl)
            .withParameters(Map.of("limit", (long) pageSize))
            .withLimits(UNLIMITED);
    RunResult result = runner.run(plans.get(style), input, rec -> sink.writePagewalk(rec.value()));
    if (result.failure() != null) {
      throw new IllegalStateException(
          style.id() + ": pagewalk run failed: " + result.stopReason(), result.failure());
    }
    return result.stats().recordsEmitted();
  }

  @Override
  public void close() {
    runner.close();
  }
}
